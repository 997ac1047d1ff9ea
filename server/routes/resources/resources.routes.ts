import { recordRoutes } from '../../lib/registry/record-routes.ts'
import {
  resourceCreate,
  resourceDetail,
  resourceFeatureProperties,
  resourceListQuery,
  resourceRetire,
  resourceUpdate,
} from './resources.schemas.ts'

const routes = recordRoutes({
  path: '/resources',
  tag: 'resources',
  schemas: {
    listQuery: resourceListQuery,
    featureProperties: resourceFeatureProperties,
    detail: resourceDetail,
    create: resourceCreate,
    update: resourceUpdate,
    retire: resourceRetire,
  },
  summaries: {
    list: 'Rescue resources (应急资源) in your jurisdiction as GeoJSON',
    get: 'One resource with its capabilities and inventory',
    create: 'Register a team, warehouse, equipment, expert, shelter or medical point',
    update: 'Change fields (status, inventory…); `version` must be the one you read (else 409)',
  },
  listDescription: 'Matching resources',
})

export const listResourcesRoute = routes.list
export const getResourceRoute = routes.get
export const createResourceRoute = routes.create
export const updateResourceRoute = routes.update
export const retireResourceRoute = routes.retire
