CREATE TABLE "risk_grid_cells" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"grid" text NOT NULL,
	"i" integer NOT NULL,
	"j" integer NOT NULL,
	"size_m" integer NOT NULL,
	"cell" geometry(Polygon,4326) NOT NULL,
	"centroid" geometry(Point,4326) NOT NULL,
	"region_code" text NOT NULL,
	"score" real NOT NULL,
	"level" text NOT NULL,
	"factors" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_grid_cells_score_range" CHECK ("risk_grid_cells"."score" >= 0 and "risk_grid_cells"."score" <= 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "risk_grid_cells_address_idx" ON "risk_grid_cells" USING btree ("grid","i","j");--> statement-breakpoint
CREATE INDEX "risk_grid_cells_cell_gix" ON "risk_grid_cells" USING gist ("cell");--> statement-breakpoint
CREATE INDEX "risk_grid_cells_region_idx" ON "risk_grid_cells" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "risk_grid_cells_level_idx" ON "risk_grid_cells" USING btree ("grid","level");--> statement-breakpoint
-- China Albers equal-area (CGCS2000/GRS80 ellipsoid, parallels 25°N and 47°N, meridian 105°E):
-- the risk grid's cells are squares in it, so every 1 km cell is 1 km² on the ground. A
-- registered SRID lets PostGIS cache the projection (a proj string is re-parsed per row).
INSERT INTO "spatial_ref_sys" ("srid", "auth_name", "auth_srid", "srtext", "proj4text")
VALUES (990001, 'jinan', 990001, '', '+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs')
ON CONFLICT ("srid") DO NOTHING;
