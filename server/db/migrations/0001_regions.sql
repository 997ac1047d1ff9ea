CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"boundary" geometry(MultiPolygon,4326) NOT NULL,
	"display_low" geometry(MultiPolygon,4326) NOT NULL,
	"display_mid" geometry(MultiPolygon,4326) NOT NULL,
	"label_point" geometry(Point,4326) NOT NULL,
	"population" integer,
	"source" text NOT NULL,
	"source_crs" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "regions_level_idx" ON "regions" USING btree ("level");--> statement-breakpoint
CREATE INDEX "regions_boundary_gix" ON "regions" USING gist ("boundary");--> statement-breakpoint
CREATE INDEX "regions_display_low_gix" ON "regions" USING gist ("display_low");