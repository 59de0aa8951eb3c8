CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" integer NOT NULL,
	"body_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "project_env" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"secret" boolean NOT NULL,
	"value" text,
	"value_encrypted" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_env_tenant_id_key_pk" PRIMARY KEY("tenant_id","key"),
	CONSTRAINT "project_env_one_value" CHECK (("project_env"."secret" AND "project_env"."value" IS NULL AND "project_env"."value_encrypted" IS NOT NULL) OR (NOT "project_env"."secret" AND "project_env"."value" IS NOT NULL AND "project_env"."value_encrypted" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "personal_access_tokens" ADD COLUMN "token_prefix" text;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_env" ADD CONSTRAINT "project_env_tenant_id_projects_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."projects"("tenant_id") ON DELETE cascade ON UPDATE no action;