import { recordRoutes } from '../../lib/registry/record-routes.ts'
import {
  hiddenDangerCreate,
  hiddenDangerDetail,
  hiddenDangerFeatureProperties,
  hiddenDangerListQuery,
  hiddenDangerRetire,
  hiddenDangerUpdate,
} from './hidden-dangers.schemas.ts'

const routes = recordRoutes({
  path: '/hidden-dangers',
  tag: 'hidden dangers',
  schemas: {
    listQuery: hiddenDangerListQuery,
    featureProperties: hiddenDangerFeatureProperties,
    detail: hiddenDangerDetail,
    create: hiddenDangerCreate,
    update: hiddenDangerUpdate,
    retire: hiddenDangerRetire,
  },
  summaries: {
    list: 'Hidden dangers (隐患) in your jurisdiction as GeoJSON; overdue computed now',
    get: 'One hidden danger with its enterprise, hazard source and matched list item',
    create: 'Record a hidden danger; a major one names the item of its sector’s list it matches',
    update: 'Change fields or move the rectification status; `version` must be the one you read',
    retire: 'Retire (soft delete), e.g. recorded by mistake: the record and its history stay',
  },
  listDescription: 'Matching hidden dangers, earliest deadline first',
})

export const listHiddenDangersRoute = routes.list
export const getHiddenDangerRoute = routes.get
export const createHiddenDangerRoute = routes.create
export const updateHiddenDangerRoute = routes.update
export const retireHiddenDangerRoute = routes.retire
