import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { featureCollectionOf, idParam } from '../../lib/registry/record-schemas.ts'
import {
  assessBody,
  assessmentResult,
  hazardSourceCreate,
  hazardSourceDetail,
  hazardSourceFeatureProperties,
  hazardSourceListQuery,
  hazardSourceRetire,
  hazardSourceUpdate,
} from './hazard-sources.schemas.ts'

const tags = ['hazard-sources']
const json = jsonBody
const ok = jsonResponse

export const assessRoute = createRoute({
  method: 'post',
  path: '/hazard-sources/assess',
  tags,
  summary: 'GB 18218-2018 identification and grading of a unit, without saving anything',
  request: { body: json(assessBody) },
  responses: {
    200: ok('S, R, α, the per-substance terms and the grade', assessmentResult),
    ...problemResponses(400, 401, 422),
  },
})

export const listHazardSourcesRoute = createRoute({
  method: 'get',
  path: '/hazard-sources',
  tags,
  summary: 'Hazard sources (危险源) in your jurisdiction as GeoJSON',
  request: { query: hazardSourceListQuery },
  responses: {
    200: {
      description: 'Matching hazard sources, highest R first',
      content: {
        'application/geo+json': { schema: featureCollectionOf(hazardSourceFeatureProperties) },
      },
    },
    ...problemResponses(400, 401, 413),
  },
})

export const getHazardSourceRoute = createRoute({
  method: 'get',
  path: '/hazard-sources/{id}',
  tags,
  summary: 'One hazard source with its assessment breakdown, enterprise and hidden dangers',
  request: { params: idParam },
  responses: {
    200: ok('The hazard source', hazardSourceDetail),
    ...problemResponses(400, 401, 404),
  },
})

export const createHazardSourceRoute = createRoute({
  method: 'post',
  path: '/hazard-sources',
  tags,
  summary: 'Register a hazard unit; the server computes S, R, α and the grade',
  request: { body: json(hazardSourceCreate) },
  responses: { 201: ok('Created', hazardSourceDetail), ...problemResponses(400, 401, 403, 422) },
})

export const updateHazardSourceRoute = createRoute({
  method: 'patch',
  path: '/hazard-sources/{id}',
  tags,
  summary: 'Change fields (reassessed when substances or people change); `version` required',
  request: { params: idParam, body: json(hazardSourceUpdate) },
  responses: {
    200: ok('Updated', hazardSourceDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const retireHazardSourceRoute = createRoute({
  method: 'post',
  path: '/hazard-sources/{id}/retire',
  tags,
  summary: 'Retire (soft delete): the record and its history stay',
  request: { params: idParam, body: json(hazardSourceRetire) },
  responses: {
    200: ok('Retired', hazardSourceDetail),
    ...problemResponses(400, 401, 403, 404, 409),
  },
})
