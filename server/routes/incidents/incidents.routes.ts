import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { featureCollectionOf, idParam } from '../../lib/registry/record-schemas.ts'
import {
  classifyBody,
  classifyResult,
  incidentCreate,
  incidentDetail,
  incidentFeatureProperties,
  incidentListQuery,
  incidentUpdate,
  noteBody,
  obligationDetail,
  obligationParam,
  statusBody,
} from './incidents.schemas.ts'

const tags = ['incidents']
const json = jsonBody
const ok = jsonResponse

export const classifyRoute = createRoute({
  method: 'post',
  path: '/incidents/classify',
  tags,
  summary: 'Order 493 grade and reporting deadlines for the given figures, without saving',
  request: { body: json(classifyBody) },
  responses: {
    200: ok('Grade and obligations', classifyResult),
    ...problemResponses(400, 401),
  },
})

export const listIncidentsRoute = createRoute({
  method: 'get',
  path: '/incidents',
  tags,
  summary: 'Incidents (事故) in your jurisdiction as GeoJSON, newest first',
  request: { query: incidentListQuery },
  responses: {
    200: {
      description: 'Matching incidents',
      content: {
        'application/geo+json': { schema: featureCollectionOf(incidentFeatureProperties) },
      },
    },
    ...problemResponses(400, 401, 413),
  },
})

export const getIncidentRoute = createRoute({
  method: 'get',
  path: '/incidents/{id}',
  tags,
  summary: 'One incident with its obligations (late at read time), timeline and dispatches',
  request: { params: idParam },
  responses: { 200: ok('The incident', incidentDetail), ...problemResponses(400, 401, 404) },
})

export const createIncidentRoute = createRoute({
  method: 'post',
  path: '/incidents',
  tags,
  summary: 'Report an incident (事故快报); the server grades it and sets reporting deadlines',
  request: { body: json(incidentCreate) },
  responses: { 201: ok('Created', incidentDetail), ...problemResponses(400, 401, 403, 422) },
})

export const updateIncidentRoute = createRoute({
  method: 'patch',
  path: '/incidents/{id}',
  tags,
  summary: 'Follow-up report (续报): casualty changes within the supplement window re-grade',
  request: { params: idParam, body: json(incidentUpdate) },
  responses: {
    200: ok('Updated', incidentDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const incidentStatusRoute = createRoute({
  method: 'post',
  path: '/incidents/{id}/status',
  tags,
  summary: 'Advance the status one step: 接报 → 处置中 → 已控制 → 结案',
  request: { params: idParam, body: json(statusBody) },
  responses: {
    200: ok('Updated', incidentDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const incidentNoteRoute = createRoute({
  method: 'post',
  path: '/incidents/{id}/notes',
  tags,
  summary: 'Add a note to the timeline',
  request: { params: idParam, body: json(noteBody) },
  responses: {
    201: ok('The incident', incidentDetail),
    ...problemResponses(400, 401, 403, 404),
  },
})

export const obligationDoneRoute = createRoute({
  method: 'post',
  path: '/incidents/{id}/obligations/{level}/done',
  tags,
  summary: 'Mark a reporting obligation done (idempotent): records who and when',
  request: { params: obligationParam },
  responses: {
    200: ok('The obligation', obligationDetail),
    ...problemResponses(400, 401, 403, 404),
  },
})
