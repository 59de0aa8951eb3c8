CREATE TABLE "project_issuers" (
	"tenant_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"jwks_url" text NOT NULL,
	"audience" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "project_issuers_tenant_id_issuer_pk" PRIMARY KEY("tenant_id","issuer")
);
--> statement-breakpoint
ALTER TABLE "project_issuers" ADD CONSTRAINT "project_issuers_tenant_id_projects_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."projects"("tenant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_issuers" ADD CONSTRAINT "project_issuers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;