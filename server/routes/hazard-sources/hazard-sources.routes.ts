import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { recordRoutes } from '../../lib/registry/record-routes.ts'
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

export const assessRoute = createRoute({
  method: 'post',
  path: '/hazard-sources/assess',
  tags: ['hazard-sources'],
  summary: 'GB 18218-2018 identification and grading of a unit, without saving anything',
  request: { body: jsonBody(assessBody) },
  responses: {
    200: jsonResponse('S, R, α, the per-substance terms and the grade', assessmentResult),
    ...problemResponses(400, 401, 422),
  },
})

const routes = recordRoutes({
  path: '/hazard-sources',
  tag: 'hazard-sources',
  schemas: {
    listQuery: hazardSourceListQuery,
    featureProperties: hazardSourceFeatureProperties,
    detail: hazardSourceDetail,
    create: hazardSourceCreate,
    update: hazardSourceUpdate,
    retire: hazardSourceRetire,
  },
  summaries: {
    list: 'Hazard sources (危险源) in your jurisdiction as GeoJSON',
    get: 'One hazard source with its assessment breakdown, enterprise and hidden dangers',
    create: 'Register a hazard unit; the server computes S, R, α and the grade',
    update: 'Change fields (reassessed when substances or people change); `version` required',
  },
  listDescription: 'Matching hazard sources, highest R first',
})

export const listHazardSourcesRoute = routes.list
export const getHazardSourceRoute = routes.get
export const createHazardSourceRoute = routes.create
export const updateHazardSourceRoute = routes.update
export const retireHazardSourceRoute = routes.retire
