import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { featureCollectionOf, idParam } from '../../lib/registry/record-schemas.ts'
import {
  enterpriseBatch,
  enterpriseCreate,
  enterpriseDetail,
  enterpriseFeatureProperties,
  enterpriseListQuery,
  enterpriseRetire,
  enterpriseUpdate,
} from './enterprises.schemas.ts'

const tags = ['enterprises']
const json = jsonBody
const ok = jsonResponse

export const listEnterprisesRoute = createRoute({
  method: 'get',
  path: '/enterprises',
  tags,
  summary: 'Enterprises (企业) in your jurisdiction as GeoJSON',
  request: { query: enterpriseListQuery },
  responses: {
    200: {
      description: 'Matching enterprises',
      content: {
        'application/geo+json': { schema: featureCollectionOf(enterpriseFeatureProperties) },
      },
    },
    ...problemResponses(400, 401, 413),
  },
})

export const getEnterpriseRoute = createRoute({
  method: 'get',
  path: '/enterprises/{id}',
  tags,
  summary: 'One enterprise with its hazard sources and hidden dangers',
  request: { params: idParam },
  responses: { 200: ok('The enterprise', enterpriseDetail), ...problemResponses(400, 401, 404) },
})

export const createEnterpriseRoute = createRoute({
  method: 'post',
  path: '/enterprises',
  tags,
  summary: 'Register an enterprise; its region is derived from its location',
  request: { body: json(enterpriseCreate) },
  responses: { 201: ok('Created', enterpriseDetail), ...problemResponses(400, 401, 403, 422) },
})

export const batchEnterprisesRoute = createRoute({
  method: 'post',
  path: '/enterprises/batch',
  tags,
  summary: 'Import many enterprises in one transaction: all or nothing',
  request: { body: json(enterpriseBatch) },
  responses: {
    201: ok('All created', z.object({ ids: z.array(z.string()) })),
    ...problemResponses(400, 401, 403, 422),
  },
})

export const updateEnterpriseRoute = createRoute({
  method: 'patch',
  path: '/enterprises/{id}',
  tags,
  summary: 'Change fields; `version` must be the one you read (else 409)',
  request: { params: idParam, body: json(enterpriseUpdate) },
  responses: {
    200: ok('Updated', enterpriseDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const retireEnterpriseRoute = createRoute({
  method: 'post',
  path: '/enterprises/{id}/retire',
  tags,
  summary: 'Retire (soft delete): the record and its history stay',
  request: { params: idParam, body: json(enterpriseRetire) },
  responses: { 200: ok('Retired', enterpriseDetail), ...problemResponses(400, 401, 403, 404, 409) },
})
