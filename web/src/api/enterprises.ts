import type {
  EnterpriseDetail,
  EnterpriseFeatureProperties,
} from '../../../server/routes/enterprises/enterprises.schemas.ts'
import { registryApi } from './registry-list.ts'

/** 企业 under supervision. */
const api = registryApi<EnterpriseFeatureProperties, EnterpriseDetail>('enterprises')

export const enterpriseKeys = api.keys
export const enterpriseQuery = api.detailQuery
export const useEnterprisesInBbox = api.useInBbox
export const useEnterprise = api.useDetail
