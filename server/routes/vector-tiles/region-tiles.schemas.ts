/*
 * The region tiles' schema: which administrative levels a tile holds, in which layers, from
 * which tile zoom (the vector_layers of a TileJSON). Shared by the
 * server (what goes in a tile) and the web map (which source layers it draws), so the two
 * cannot disagree. No imports: the web bundle takes it as it is.
 */

export interface RegionTileLevel {
  level: 'province' | 'city' | 'county'
  /** Source layer of the polygons (code, name, level, parentCode). */
  areas: string
  /** Source layer of the label points: one point per region, in the tile that holds it. */
  labels: string
  /** First tile zoom holding this level; below it the level is left out of the tile. */
  minzoom: number
}

export const regionTileLevels: readonly RegionTileLevel[] = [
  { level: 'province', areas: 'provinces', labels: 'province-labels', minzoom: 0 },
  // The map draws cities from zoom 5.5 and counties from 7.5: tiles of zoom 5 and 7 serve those.
  { level: 'city', areas: 'cities', labels: 'city-labels', minzoom: 5 },
  { level: 'county', areas: 'counties', labels: 'county-labels', minzoom: 7 },
]

/**
 * Past this zoom the client overzooms: a zoom-12 tile spans ~10 km and already holds the full
 * boundary, so deeper tiles would only repeat it.
 */
export const REGION_TILES_MAX_ZOOM = 12
