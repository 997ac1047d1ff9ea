// Type declarations for the few untyped packages the tile build uses (only what it calls).

declare module 'topojson-client' {
  import type { Feature, FeatureCollection, GeometryObject } from 'geojson'
  export function feature(topology: unknown, object: unknown): Feature | FeatureCollection
  export type { GeometryObject }
}

declare module 'vt-pbf' {
  interface GeojsonVtTile {
    features: readonly unknown[]
  }
  const vtpbf: {
    fromGeojsonVt(
      layers: Record<string, GeojsonVtTile>,
      options?: { version?: number; extent?: number },
    ): Uint8Array
  }
  export default vtpbf
}

declare module 'fontnik' {
  interface FaceInfo {
    family_name: string
    style_name?: string
    points: number[]
  }
  const fontnik: {
    load(font: Buffer, callback: (err: Error | null, faces: FaceInfo[]) => void): void
    range(
      options: { font: Buffer; start: number; end: number },
      callback: (err: Error | null, pbf: Buffer) => void,
    ): void
  }
  export default fontnik
}
