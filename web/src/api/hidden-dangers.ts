import type {
  HiddenDangerDetail,
  HiddenDangerFeatureProperties,
} from '../../../server/routes/hidden-dangers/hidden-dangers.schemas.ts'
import { registryApi } from './registry-list.ts'

/** 事故隐患: `hiddenDangerKeys.inBbox(bbox)`, list and detail hooks. */
const api = registryApi<HiddenDangerFeatureProperties, HiddenDangerDetail>('hidden-dangers')

export const hiddenDangerKeys = api.keys
export const hiddenDangerQuery = api.detailQuery
export const useHiddenDangersInBbox = api.useInBbox
export const useHiddenDanger = api.useDetail
