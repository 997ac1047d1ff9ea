CREATE TABLE "drill_injections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"drill_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"minute" integer NOT NULL,
	"text" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "drills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" geometry(Point,4326) NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"scenario" jsonb NOT NULL,
	"participants" jsonb DEFAULT '{"agencies":[],"teams":[]}'::jsonb NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"incident_id" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"run_by" uuid,
	"evaluation" jsonb,
	"score" integer,
	"region_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"retired_at" timestamp with time zone,
	"retired_reason" text
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "exercise" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "drill_injections" ADD CONSTRAINT "drill_injections_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "drill_injections_drill_seq_uq" ON "drill_injections" USING btree ("drill_id","seq");--> statement-breakpoint
CREATE INDEX "drill_injections_due_idx" ON "drill_injections" USING btree ("due_at") WHERE "drill_injections"."applied_at" is null;--> statement-breakpoint
CREATE INDEX "drills_region_idx" ON "drills" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "drills_scheduled_idx" ON "drills" USING btree ("scheduled_at");