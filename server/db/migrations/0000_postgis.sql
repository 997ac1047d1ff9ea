-- PostGIS must exist before any geometry column. On a real server the extension package
-- (Debian: postgresql-15-postgis-3) must be installed; startup checks this first and says so.
CREATE EXTENSION IF NOT EXISTS postgis;
