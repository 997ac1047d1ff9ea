CREATE TABLE "plan_activation_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activation_id" uuid NOT NULL,
	"step_key" text NOT NULL,
	"done_by" text NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_activations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"response_level" text NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"exercise" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"response_levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"in_force_from" date,
	"superseded_at" timestamp with time zone,
	"review_due" date,
	"attachment" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"incident_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"substances" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enterprise_id" uuid,
	"hazard_source_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_cycle_years" integer DEFAULT 3 NOT NULL,
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
ALTER TABLE "plan_activation_steps" ADD CONSTRAINT "plan_activation_steps_activation_id_plan_activations_id_fk" FOREIGN KEY ("activation_id") REFERENCES "public"."plan_activations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activations" ADD CONSTRAINT "plan_activations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activations" ADD CONSTRAINT "plan_activations_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_activation_steps_uq" ON "plan_activation_steps" USING btree ("activation_id","step_key");--> statement-breakpoint
CREATE INDEX "plan_activations_incident_idx" ON "plan_activations" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_plan_number_uq" ON "plan_versions" USING btree ("plan_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_one_in_force_uq" ON "plan_versions" USING btree ("plan_id") WHERE "plan_versions"."status" = 'in_force';--> statement-breakpoint
CREATE INDEX "plans_region_idx" ON "plans" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "plans_enterprise_idx" ON "plans" USING btree ("enterprise_id");