CREATE TABLE "advisor_dismissals" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advisor_dismissals_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
ALTER TABLE "advisor_dismissals" ADD CONSTRAINT "advisor_dismissals_tenant_id_projects_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."projects"("tenant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_dismissals" ADD CONSTRAINT "advisor_dismissals_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;