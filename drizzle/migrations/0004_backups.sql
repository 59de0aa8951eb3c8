CREATE TYPE "public"."backup_kind" AS ENUM('tenant_export', 'project_db');--> statement-breakpoint
CREATE TYPE "public"."backup_status" AS ENUM('writing', 'artifact_pending', 'validated', 'invalid', 'failed');--> statement-breakpoint
CREATE TYPE "public"."backup_verify_result" AS ENUM('passed', 'failed');--> statement-breakpoint
CREATE TABLE "backups" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_slug" text NOT NULL,
	"project_owner_id" uuid,
	"kind" "backup_kind" DEFAULT 'tenant_export' NOT NULL,
	"label" text NOT NULL,
	"status" "backup_status" DEFAULT 'writing' NOT NULL,
	"status_reason" text,
	"artifact_path" text,
	"size_bytes" bigint,
	"sha256" text,
	"table_stats" jsonb,
	"pg_dump_version" text,
	"server_version" text,
	"finished_at" timestamp with time zone,
	"validated_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"verify_result" "backup_verify_result",
	"verify_error" text,
	"reconciled_at" timestamp with time zone,
	"artifact_missing_at" timestamp with time zone,
	"swept_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "backups" ADD CONSTRAINT "backups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backups_tenant_created_idx" ON "backups" USING btree ("tenant_id","created_at");