CREATE TABLE "project_jwt_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"activated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	"accepted_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "project_jwt_keys" ADD CONSTRAINT "project_jwt_keys_tenant_id_projects_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."projects"("tenant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_jwt_keys_tenant_idx" ON "project_jwt_keys" USING btree ("tenant_id","activated_at");