import { createRouter } from '../../lib/openapi.ts'
import { notFound } from '../../lib/problem.ts'
import { findRegionDetail, listRegionsGeoJson } from './regions.queries.ts'
import { getRegion, listRegions } from './regions.routes.ts'

export const regionsRouter = createRouter()
  .openapi(listRegions, async (c) => {
    const query = c.req.valid('query')
    const fc = await listRegionsGeoJson(c.var.database.db, query)
    return c.body(fc, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never
  })
  .openapi(getRegion, async (c) => {
    const { code } = c.req.valid('param')
    const detail = await findRegionDetail(c.var.database.db, code)
    if (!detail) throw notFound(`No region with code ${code}.`)
    return c.json(detail, 200)
  })
