import { z } from '@hono/zod-openapi'

export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number]

/** `bbox=minLng,minLat,maxLng,maxLat` in WGS84 degrees, as a query-string field. */
export const bboxQuery = z
  .string()
  .transform((raw, ctx): Bbox => {
    const parts = raw.split(',').map((p) => Number(p.trim()))
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({
        code: 'custom',
        message: 'bbox must be four numbers: minLng,minLat,maxLng,maxLat',
      })
      return z.NEVER
    }
    const [minLng, minLat, maxLng, maxLat] = parts as Bbox
    if (minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) {
      ctx.addIssue({ code: 'custom', message: 'bbox is outside -180..180 / -90..90 degrees' })
      return z.NEVER
    }
    if (minLng >= maxLng || minLat >= maxLat) {
      ctx.addIssue({ code: 'custom', message: 'bbox min must be less than max on both axes' })
      return z.NEVER
    }
    return [minLng, minLat, maxLng, maxLat]
  })
  .openapi({ example: '107.5,33.6,110.0,34.8', description: 'minLng,minLat,maxLng,maxLat (WGS84)' })
