import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { idParam } from '../../lib/registry/record-schemas.ts'
import {
  activationCreate,
  activationDetail,
  activationEndBody,
  activationList,
  diffQuery,
  planCreate,
  planDetail,
  planDiff,
  planImport,
  planList,
  planListQuery,
  planMatches,
  planUpdate,
  stepDoneBody,
  stepParam,
  versionCreate,
  versionParam,
  versionStatusBody,
} from './plans.schemas.ts'

const tags = ['plans']
const json = jsonBody
const ok = jsonResponse

export const listPlansRoute = createRoute({
  method: 'get',
  path: '/plans',
  tags,
  summary: 'Emergency plans (应急预案) you may read: yours and the higher levels that apply to you',
  request: { query: planListQuery },
  responses: { 200: ok('Plans', planList), ...problemResponses(400, 401) },
})

export const getPlanRoute = createRoute({
  method: 'get',
  path: '/plans/{id}',
  tags,
  summary: 'One plan with every version (newest first)',
  request: { params: idParam },
  responses: { 200: ok('The plan', planDetail), ...problemResponses(400, 401, 404) },
})

export const createPlanRoute = createRoute({
  method: 'post',
  path: '/plans',
  tags,
  summary: 'Add a plan to the library with its first version as a draft',
  request: { body: json(planCreate) },
  responses: { 201: ok('Created', planDetail), ...problemResponses(400, 401, 403, 422) },
})

export const updatePlanRoute = createRoute({
  method: 'patch',
  path: '/plans/{id}',
  tags,
  summary: 'Change what the plan covers (title, incident types, substances, hazard sources)',
  request: { params: idParam, body: json(planUpdate) },
  responses: {
    200: ok('Updated', planDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const createVersionRoute = createRoute({
  method: 'post',
  path: '/plans/{id}/versions',
  tags,
  summary: 'A new draft version (修订); earlier versions are kept as they were',
  request: { params: idParam, body: json(versionCreate) },
  responses: {
    201: ok('The plan', planDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const versionStatusRoute = createRoute({
  method: 'post',
  path: '/plans/{id}/versions/{number}/status',
  tags,
  summary: '审批 approve, put in force (supersedes the one in force), or withdraw a version',
  request: { params: versionParam, body: json(versionStatusBody) },
  responses: {
    200: ok('The plan', planDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const attachmentRoute = createRoute({
  method: 'get',
  path: '/plans/{id}/versions/{number}/attachment',
  tags,
  summary: 'The original file a version was imported from',
  request: { params: versionParam },
  responses: {
    200: {
      description: 'The file as imported',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problemResponses(400, 401, 404),
  },
})

export const diffRoute = createRoute({
  method: 'get',
  path: '/plans/{id}/diff',
  tags,
  summary: 'Side-by-side differences of two versions: body lines and steps',
  request: { params: idParam, query: diffQuery },
  responses: { 200: ok('The differences', planDiff), ...problemResponses(400, 401, 404) },
})

export const importRoute = createRoute({
  method: 'post',
  path: '/plans/{id}/import',
  tags,
  summary: 'Import a body from .docx or Markdown as a new draft; the file is kept as attachment',
  request: { params: idParam, body: json(planImport) },
  responses: {
    201: ok('The plan', planDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})

export const planMatchesRoute = createRoute({
  method: 'get',
  path: '/incidents/{id}/plan-matches',
  tags,
  summary: 'The plans in force that apply to this incident, best first, with the reasons',
  request: { params: idParam },
  responses: { 200: ok('Ranked plans', planMatches), ...problemResponses(400, 401, 404) },
})

export const listActivationsRoute = createRoute({
  method: 'get',
  path: '/incidents/{id}/plan-activations',
  tags,
  summary: 'Plans started on this incident, with checklist and shortfall',
  request: { params: idParam },
  responses: { 200: ok('Activations', activationList), ...problemResponses(400, 401, 404) },
})

export const createActivationRoute = createRoute({
  method: 'post',
  path: '/incidents/{id}/plan-activations',
  tags,
  summary: 'Start a plan (启动预案) at a response level: its steps become a checklist',
  request: { params: idParam, body: json(activationCreate) },
  responses: {
    201: ok('The activation', activationDetail),
    ...problemResponses(400, 401, 403, 404, 422),
  },
})

export const getActivationRoute = createRoute({
  method: 'get',
  path: '/plan-activations/{id}',
  tags,
  summary: 'An activation: checklist with late steps, shortfall with a recommendation per kind',
  request: { params: idParam },
  responses: { 200: ok('The activation', activationDetail), ...problemResponses(400, 401, 404) },
})

export const stepDoneRoute = createRoute({
  method: 'post',
  path: '/plan-activations/{id}/steps/{key}/done',
  tags,
  summary: 'Tick a step done (idempotent: the first tick stands), recording who and when',
  request: { params: stepParam, body: json(stepDoneBody) },
  responses: {
    200: ok('The activation', activationDetail),
    ...problemResponses(400, 401, 403, 404, 422),
  },
})

export const endActivationRoute = createRoute({
  method: 'post',
  path: '/plan-activations/{id}/end',
  tags,
  summary: 'End a plan response (响应终止): no more ticks; who and when are recorded',
  request: { params: idParam, body: json(activationEndBody) },
  responses: {
    200: ok('The activation', activationDetail),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
})
