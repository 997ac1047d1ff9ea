import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { idParam } from '../../lib/registry/record-schemas.ts'
import {
  dispatchCreate,
  dispatchCreated,
  dispatchDetail,
  dispatchStatusBody,
  recommendationList,
  recommendationQuery,
} from './dispatches.schemas.ts'

const tags = ['dispatch']
const json = jsonBody
const ok = jsonResponse

export const recommendationsRoute = createRoute({
  method: 'get',
  path: '/incidents/{id}/recommendations',
  tags,
  summary: 'Available resources ranked by ETA and fitness for this incident (KNN, then scored)',
  request: { params: idParam, query: recommendationQuery },
  responses: {
    200: ok('Ranked candidates', recommendationList),
    ...problemResponses(400, 401, 404),
  },
})

export const createDispatchesRoute = createRoute({
  method: 'post',
  path: '/incidents/{id}/dispatches',
  tags,
  summary: 'Dispatch resources (调派) in one transaction; a resource already out is 409',
  request: { params: idParam, body: json(dispatchCreate) },
  responses: {
    201: ok('Created dispatches', dispatchCreated),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const dispatchStatusRoute = createRoute({
  method: 'post',
  path: '/dispatches/{id}/status',
  tags,
  summary: '已派出 → 在途 → 到场, or 撤回 from any live state (releases the resource)',
  request: { params: idParam, body: json(dispatchStatusBody) },
  responses: {
    200: ok('Updated', dispatchDetail),
    ...problemResponses(400, 401, 403, 404, 422),
  },
})
