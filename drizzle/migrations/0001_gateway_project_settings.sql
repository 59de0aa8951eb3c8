ALTER TABLE "projects" ADD COLUMN "previous_jwt_secret_encrypted" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "previous_jwt_secret_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "anonymous_access" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "cors_origins" text[] DEFAULT ARRAY[]::text[] NOT NULL;