CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"sender" text NOT NULL,
	"sender_name" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'ours' NOT NULL,
	"level" text NOT NULL,
	"event_type" text NOT NULL,
	"title" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"area_kind" text NOT NULL,
	"area" geometry(MultiPolygon,4326) NOT NULL,
	"circle_center" geometry(Point,4326),
	"circle_radius_m" integer,
	"area_desc" text DEFAULT '' NOT NULL,
	"area_region_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"county_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"onset" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"lifted_at" timestamp with time zone,
	"lift_reason" text,
	"exercise" boolean DEFAULT false NOT NULL,
	"cap_xml" text,
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
CREATE INDEX "alerts_area_gix" ON "alerts" USING gist ("area");--> statement-breakpoint
CREATE INDEX "alerts_region_idx" ON "alerts" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "alerts_expires_idx" ON "alerts" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_ours_identifier_uq" ON "alerts" USING btree ("identifier") WHERE "alerts"."source" = 'ours';--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_external_sender_identifier_uq" ON "alerts" USING btree ("sender","identifier") WHERE "alerts"."source" = 'external';