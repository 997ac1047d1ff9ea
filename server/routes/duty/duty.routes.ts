import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { idParam } from '../../lib/registry/record-schemas.ts'
import {
  ackResult,
  inbox,
  logCreate,
  logEntry,
  logQuery,
  members,
  roster,
  shift,
  shiftCreate,
  shiftQuery,
} from './duty.schemas.ts'

const tags = ['duty']
const json = jsonBody
const ok = jsonResponse

export const listShiftsRoute = createRoute({
  method: 'get',
  path: '/duty/shifts',
  tags,
  summary: "Your agency's roster (值班表) and who is on duty now",
  request: { query: shiftQuery },
  responses: { 200: ok('Roster', roster), ...problemResponses(400, 401) },
})

export const createShiftRoute = createRoute({
  method: 'post',
  path: '/duty/shifts',
  tags,
  summary: 'Put a member of your agency on the roster',
  request: { body: json(shiftCreate) },
  responses: { 201: ok('Created', shift), ...problemResponses(400, 401, 403, 422) },
})

export const listMembersRoute = createRoute({
  method: 'get',
  path: '/duty/members',
  tags,
  summary: 'Members of your agency, who can be put on the roster',
  responses: { 200: ok('Members, by username', members), ...problemResponses(401) },
})

export const listLogRoute = createRoute({
  method: 'get',
  path: '/duty/log',
  tags,
  summary: "Your agency's duty log (值班日志), newest first",
  request: { query: logQuery },
  responses: {
    200: ok('Entries', z.object({ entries: z.array(logEntry) })),
    ...problemResponses(400, 401),
  },
})

export const createLogRoute = createRoute({
  method: 'post',
  path: '/duty/log',
  tags,
  summary: 'Record a call, handover or note',
  request: { body: json(logCreate) },
  responses: { 201: ok('Created', logEntry), ...problemResponses(400, 401, 403, 422) },
})

export const inboxRoute = createRoute({
  method: 'get',
  path: '/duty/inbox',
  tags,
  summary: 'Open incidents in your jurisdiction your agency has not acknowledged yet',
  responses: { 200: ok('Unacknowledged incidents, newest first', inbox), ...problemResponses(401) },
})

export const ackRoute = createRoute({
  method: 'post',
  path: '/incidents/{id}/ack',
  tags,
  summary: 'Acknowledge an incident for your agency (idempotent; a timeline entry)',
  request: { params: idParam },
  responses: { 200: ok('Acknowledged', ackResult), ...problemResponses(400, 401, 403, 404) },
})
