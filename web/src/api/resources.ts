import type {
  ResourceDetail,
  ResourceFeatureProperties,
} from '../../../server/routes/resources/resources.schemas.ts'
import { registryApi } from './registry-list.ts'

/** 应急资源 (teams, warehouses, equipment, experts, shelters, medical points). */
const api = registryApi<ResourceFeatureProperties, ResourceDetail>('resources')

export const resourceKeys = api.keys
export const resourceQuery = api.detailQuery
export const useResourcesInBbox = api.useInBbox
export const useResource = api.useDetail
