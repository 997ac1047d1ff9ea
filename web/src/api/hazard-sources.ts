import type {
  HazardSourceDetail,
  HazardSourceFeatureProperties,
} from '../../../server/routes/hazard-sources/hazard-sources.schemas.ts'
import { registryApi } from './registry-list.ts'

/** 重大危险源 (GB 18218-2018): `hazardSourceKeys.inBbox(bbox)`, list and detail hooks. */
const api = registryApi<HazardSourceFeatureProperties, HazardSourceDetail>('hazard-sources')

export const hazardSourceKeys = api.keys
export const hazardSourcesInBboxQuery = api.inBboxQuery
export const hazardSourceQuery = api.detailQuery
export const useHazardSourcesInBbox = api.useInBbox
export const useHazardSource = api.useDetail
