import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { idParam } from '../../lib/registry/record-schemas.ts'
import {
  drillCreate,
  drillDetail,
  drillFinish,
  drillList,
  drillListQuery,
  drillUpdate,
  replaySchema,
  versionBody,
} from './drills.schemas.ts'

const tags = ['drills']
const json = jsonBody
const ok = jsonResponse

export const listDrillsRoute = createRoute({
  method: 'get',
  path: '/drills',
  tags,
  summary: 'Drills (应急演练) in your jurisdiction, latest scheduled first',
  request: { query: drillListQuery },
  responses: { 200: ok('Drills', drillList), ...problemResponses(400, 401) },
})

export const createDrillRoute = createRoute({
  method: 'post',
  path: '/drills',
  tags,
  summary: 'Schedule a drill of a plan version: kind, date, place, scenario, participants',
  request: { body: json(drillCreate) },
  responses: { 201: ok('Scheduled', drillDetail), ...problemResponses(400, 401, 403, 422) },
})

export const getDrillRoute = createRoute({
  method: 'get',
  path: '/drills/{id}',
  tags,
  summary: 'One drill with its plan steps, injected updates and evaluation',
  request: { params: idParam },
  responses: { 200: ok('The drill', drillDetail), ...problemResponses(400, 401, 404) },
})

export const updateDrillRoute = createRoute({
  method: 'patch',
  path: '/drills/{id}',
  tags,
  summary: 'Change a scheduled drill (version-checked)',
  request: { params: idParam, body: json(drillUpdate) },
  responses: {
    200: ok('Updated', drillDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const runDrillRoute = createRoute({
  method: 'post',
  path: '/drills/{id}/run',
  tags,
  summary: 'Start the drill: reports its exercise incident (演练) and schedules the injections',
  request: { params: idParam, body: json(versionBody) },
  responses: {
    200: ok('Running', drillDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const finishDrillRoute = createRoute({
  method: 'post',
  path: '/drills/{id}/finish',
  tags,
  summary: 'End the drill with its evaluation: step times against targets, problems, score',
  request: { params: idParam, body: json(drillFinish) },
  responses: {
    200: ok('Finished', drillDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const drillReplayRoute = createRoute({
  method: 'get',
  path: '/drills/{id}/replay',
  tags,
  summary: "The drill incident's timeline (states, dispatch lines, steps) for the replay slider",
  request: { params: idParam },
  responses: { 200: ok('The replay', replaySchema), ...problemResponses(400, 401, 404, 409) },
})
