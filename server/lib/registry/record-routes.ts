import { createRoute, type z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../openapi.ts'
import { featureCollectionOf, idParam } from './record-schemas.ts'

/** What differs between the registries' five routes: path, schemas and the words. */
export interface RecordRoutesSpec<
  ListQuery extends z.ZodObject,
  Properties extends z.ZodObject,
  Detail extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
  Retire extends z.ZodType,
> {
  /** e.g. '/resources' */
  path: `/${string}`
  tag: string
  schemas: {
    listQuery: ListQuery
    featureProperties: Properties
    detail: Detail
    create: Create
    update: Update
    retire: Retire
  }
  summaries: { list: string; get: string; create: string; update: string; retire?: string }
  /** How the list is ordered, for its description. */
  listDescription: string
}

/**
 * The OpenAPI routes every registry has: a bbox/filter list as GeoJSON, read one, create,
 * versioned update (409 when stale) and retire (soft delete), with the same error statuses.
 */
export function recordRoutes<
  ListQuery extends z.ZodObject,
  Properties extends z.ZodObject,
  Detail extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
  Retire extends z.ZodType,
>(spec: RecordRoutesSpec<ListQuery, Properties, Detail, Create, Update, Retire>) {
  const { path, schemas, summaries } = spec
  const tags = [spec.tag]
  const one = `${path}/{id}`
  return {
    list: createRoute({
      method: 'get',
      path,
      tags,
      summary: summaries.list,
      request: { query: schemas.listQuery },
      responses: {
        200: {
          description: spec.listDescription,
          content: {
            'application/geo+json': { schema: featureCollectionOf(schemas.featureProperties) },
          },
        },
        ...problemResponses(400, 401, 413),
      },
    }),
    get: createRoute({
      method: 'get',
      path: one,
      tags,
      summary: summaries.get,
      request: { params: idParam },
      responses: {
        200: jsonResponse('The record', schemas.detail),
        ...problemResponses(400, 401, 404),
      },
    }),
    create: createRoute({
      method: 'post',
      path,
      tags,
      summary: summaries.create,
      request: { body: jsonBody(schemas.create) },
      responses: {
        201: jsonResponse('Created', schemas.detail),
        ...problemResponses(400, 401, 403, 422),
      },
    }),
    update: createRoute({
      method: 'patch',
      path: one,
      tags,
      summary: summaries.update,
      request: { params: idParam, body: jsonBody(schemas.update) },
      responses: {
        200: jsonResponse('Updated', schemas.detail),
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    retire: createRoute({
      method: 'post',
      path: `${one}/retire`,
      tags,
      summary: summaries.retire ?? 'Retire (soft delete): the record and its history stay',
      request: { params: idParam, body: jsonBody(schemas.retire) },
      responses: {
        200: jsonResponse('Retired', schemas.detail),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
  }
}
