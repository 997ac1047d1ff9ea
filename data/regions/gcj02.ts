import gcoord from 'gcoord'

/**
 * The packaged boundaries are in GCJ-02 (the offset "Mars" datum of Chinese web maps);
 * the database and API are WGS84. Converting in place keeps memory flat for large files.
 */
export function gcj02ToWgs84<
  T extends GeoJSON.Geometry | GeoJSON.Feature | GeoJSON.FeatureCollection,
>(geojson: T): T {
  return gcoord.transform(geojson as never, gcoord.GCJ02, gcoord.WGS84) as unknown as T
}

export function gcj02PointToWgs84(lng: number, lat: number): [number, number] {
  const [x, y] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number]
  return [x, y]
}

export function wgs84PointToGcj02(lng: number, lat: number): [number, number] {
  const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]
  return [x, y]
}
