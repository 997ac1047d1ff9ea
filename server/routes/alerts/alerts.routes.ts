import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { featureCollectionOf, idParam } from '../../lib/registry/record-schemas.ts'
import {
  alertCreate,
  alertDetail,
  alertFeatureProperties,
  alertInside,
  alertLift,
  alertListQuery,
  alertUpdate,
} from './alerts.schemas.ts'

const tags = ['alerts']
const ok = jsonResponse

export const CAP_TYPE = 'application/cap+xml'

export const listAlertsRoute = createRoute({
  method: 'get',
  path: '/alerts',
  tags,
  summary:
    'Alerts (预警信息) in your jurisdiction as GeoJSON areas: in force or pending by default',
  request: { query: alertListQuery },
  responses: {
    200: {
      description: 'Matching alerts, highest level first',
      content: { 'application/geo+json': { schema: featureCollectionOf(alertFeatureProperties) } },
    },
    ...problemResponses(400, 401, 413),
  },
})

export const alertFeedRoute = createRoute({
  method: 'get',
  path: '/alerts/feed.atom',
  tags,
  summary: 'Atom feed of the alerts in force in your jurisdiction, each linking its CAP message',
  responses: {
    200: {
      description: 'Atom 1.0 feed',
      content: { 'application/atom+xml': { schema: z.string() } },
    },
    ...problemResponses(401),
  },
})

export const importAlertRoute = createRoute({
  method: 'post',
  path: '/alerts/import',
  tags,
  summary: 'Take in a CAP 1.2 message from another warning system; stored as an external alert',
  request: {
    body: {
      required: true,
      content: {
        [CAP_TYPE]: { schema: z.string().openapi({ description: 'The CAP 1.2 XML document' }) },
        'application/xml': { schema: z.string() },
      },
    },
  },
  responses: {
    201: ok('The alert as stored', alertDetail),
    ...problemResponses(400, 401, 403, 404, 409, 413, 422),
  },
})

export const createAlertRoute = createRoute({
  method: 'post',
  path: '/alerts',
  tags,
  summary: 'Issue an alert: the server gives it its national identifier and jurisdiction',
  request: { body: jsonBody(alertCreate) },
  responses: { 201: ok('Issued', alertDetail), ...problemResponses(400, 401, 403, 422) },
})

export const getAlertCapRoute = createRoute({
  method: 'get',
  path: '/alerts/{id}.cap',
  tags,
  summary: 'The alert as a CAP 1.2 message (Alert, Update or Cancel; status Exercise for drills)',
  request: { params: idParam },
  responses: {
    200: { description: 'CAP 1.2 XML', content: { [CAP_TYPE]: { schema: z.string() } } },
    ...problemResponses(400, 401, 404),
  },
})

export const getAlertRoute = createRoute({
  method: 'get',
  path: '/alerts/{id}',
  tags,
  summary: 'One alert with its phase now and its history',
  request: { params: idParam },
  responses: { 200: ok('The alert', alertDetail), ...problemResponses(400, 401, 404) },
})

export const alertInsideRoute = createRoute({
  method: 'get',
  path: '/alerts/{id}/inside',
  tags,
  summary: 'What lies inside the area: hazard sources, enterprises, resources, shelters, people',
  request: { params: idParam },
  responses: { 200: ok('Counts and lists', alertInside), ...problemResponses(400, 401, 404) },
})

export const updateAlertRoute = createRoute({
  method: 'patch',
  path: '/alerts/{id}',
  tags,
  summary: 'Update an alert in force or pending (version-checked)',
  request: { params: idParam, body: jsonBody(alertUpdate) },
  responses: {
    200: ok('Updated', alertDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const liftAlertRoute = createRoute({
  method: 'post',
  path: '/alerts/{id}/lift',
  tags,
  summary: 'Lift (解除) an alert: it stops at once',
  request: { params: idParam, body: jsonBody(alertLift) },
  responses: {
    200: ok('Lifted', alertDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})
