import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { recordRoutes } from '../../lib/registry/record-routes.ts'
import {
  enterpriseBatch,
  enterpriseCreate,
  enterpriseDetail,
  enterpriseFeatureProperties,
  enterpriseListQuery,
  enterpriseRetire,
  enterpriseUpdate,
} from './enterprises.schemas.ts'

const routes = recordRoutes({
  path: '/enterprises',
  tag: 'enterprises',
  schemas: {
    listQuery: enterpriseListQuery,
    featureProperties: enterpriseFeatureProperties,
    detail: enterpriseDetail,
    create: enterpriseCreate,
    update: enterpriseUpdate,
    retire: enterpriseRetire,
  },
  summaries: {
    list: 'Enterprises (企业) in your jurisdiction as GeoJSON',
    get: 'One enterprise with its hazard sources and hidden dangers',
    create: 'Register an enterprise; its region is derived from its location',
    update: 'Change fields; `version` must be the one you read (else 409)',
  },
  listDescription: 'Matching enterprises',
})

export const listEnterprisesRoute = routes.list
export const getEnterpriseRoute = routes.get
export const createEnterpriseRoute = routes.create
export const updateEnterpriseRoute = routes.update
export const retireEnterpriseRoute = routes.retire

export const batchEnterprisesRoute = createRoute({
  method: 'post',
  path: '/enterprises/batch',
  tags: ['enterprises'],
  summary: 'Import many enterprises in one transaction: all or nothing',
  request: { body: jsonBody(enterpriseBatch) },
  responses: {
    201: jsonResponse('All created', z.object({ ids: z.array(z.string()) })),
    ...problemResponses(400, 401, 403, 422),
  },
})
