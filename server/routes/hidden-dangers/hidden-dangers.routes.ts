import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { featureCollectionOf, idParam } from '../../lib/registry/record-schemas.ts'
import {
  hiddenDangerCreate,
  hiddenDangerDetail,
  hiddenDangerFeatureProperties,
  hiddenDangerListQuery,
  hiddenDangerRetire,
  hiddenDangerUpdate,
} from './hidden-dangers.schemas.ts'

const tags = ['hidden dangers']
const json = jsonBody
const ok = jsonResponse

export const listHiddenDangersRoute = createRoute({
  method: 'get',
  path: '/hidden-dangers',
  tags,
  summary: 'Hidden dangers (隐患) in your jurisdiction as GeoJSON; overdue computed now',
  request: { query: hiddenDangerListQuery },
  responses: {
    200: {
      description: 'Matching hidden dangers, earliest deadline first',
      content: {
        'application/geo+json': { schema: featureCollectionOf(hiddenDangerFeatureProperties) },
      },
    },
    ...problemResponses(400, 401, 413),
  },
})

export const getHiddenDangerRoute = createRoute({
  method: 'get',
  path: '/hidden-dangers/{id}',
  tags,
  summary: 'One hidden danger with its enterprise, hazard source and matched list item',
  request: { params: idParam },
  responses: {
    200: ok('The hidden danger', hiddenDangerDetail),
    ...problemResponses(400, 401, 404),
  },
})

export const createHiddenDangerRoute = createRoute({
  method: 'post',
  path: '/hidden-dangers',
  tags,
  summary: 'Record a hidden danger; a major one names the item of its sector’s list it matches',
  request: { body: json(hiddenDangerCreate) },
  responses: {
    201: ok('Created (status open)', hiddenDangerDetail),
    ...problemResponses(400, 401, 403, 422),
  },
})

export const updateHiddenDangerRoute = createRoute({
  method: 'patch',
  path: '/hidden-dangers/{id}',
  tags,
  summary: 'Change fields or move the rectification status; `version` must be the one you read',
  request: { params: idParam, body: json(hiddenDangerUpdate) },
  responses: {
    200: ok('Updated', hiddenDangerDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const retireHiddenDangerRoute = createRoute({
  method: 'post',
  path: '/hidden-dangers/{id}/retire',
  tags,
  summary: 'Retire (soft delete), e.g. recorded by mistake: the record and its history stay',
  request: { params: idParam, body: json(hiddenDangerRetire) },
  responses: {
    200: ok('Retired', hiddenDangerDetail),
    ...problemResponses(400, 401, 403, 404, 409),
  },
})
