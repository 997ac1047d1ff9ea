import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { featureCollectionOf, idParam } from '../../lib/registry/record-schemas.ts'
import {
  resourceCreate,
  resourceDetail,
  resourceFeatureProperties,
  resourceListQuery,
  resourceRetire,
  resourceUpdate,
} from './resources.schemas.ts'

const tags = ['resources']
const json = jsonBody
const ok = jsonResponse

export const listResourcesRoute = createRoute({
  method: 'get',
  path: '/resources',
  tags,
  summary: 'Rescue resources (应急资源) in your jurisdiction as GeoJSON',
  request: { query: resourceListQuery },
  responses: {
    200: {
      description: 'Matching resources',
      content: {
        'application/geo+json': { schema: featureCollectionOf(resourceFeatureProperties) },
      },
    },
    ...problemResponses(400, 401, 413),
  },
})

export const getResourceRoute = createRoute({
  method: 'get',
  path: '/resources/{id}',
  tags,
  summary: 'One resource with its capabilities and inventory',
  request: { params: idParam },
  responses: { 200: ok('The resource', resourceDetail), ...problemResponses(400, 401, 404) },
})

export const createResourceRoute = createRoute({
  method: 'post',
  path: '/resources',
  tags,
  summary: 'Register a team, warehouse, equipment, expert, shelter or medical point',
  request: { body: json(resourceCreate) },
  responses: { 201: ok('Created', resourceDetail), ...problemResponses(400, 401, 403, 422) },
})

export const updateResourceRoute = createRoute({
  method: 'patch',
  path: '/resources/{id}',
  tags,
  summary: 'Change fields (status, inventory…); `version` must be the one you read (else 409)',
  request: { params: idParam, body: json(resourceUpdate) },
  responses: {
    200: ok('Updated', resourceDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const retireResourceRoute = createRoute({
  method: 'post',
  path: '/resources/{id}/retire',
  tags,
  summary: 'Retire (soft delete): the record and its history stay',
  request: { params: idParam, body: json(resourceRetire) },
  responses: { 200: ok('Retired', resourceDetail), ...problemResponses(400, 401, 403, 404, 409) },
})
