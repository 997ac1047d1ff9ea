import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type {
  AssessBody,
  AssessmentResult,
  HazardSourceDetail,
  HazardSourceUpdate,
} from '../../../server/routes/hazard-sources/hazard-sources.schemas.ts'
import { hazardSourceKeys } from './hazard-sources.ts'
import { postJson } from './http.ts'
import { useRecordUpdate } from './record-update.ts'

/** PATCH /api/hazard-sources/:id, optimistic, with rollback. */
export const useHazardSourceUpdate = () =>
  useRecordUpdate<HazardSourceDetail, HazardSourceUpdate>('hazard-sources', hazardSourceKeys)

/**
 * GB 18218 assessment of an unsaved draft (`POST /api/hazard-sources/assess`): the edit form
 * shows S, R and the grade as quantities change. The last result stays while the next loads.
 */
export function useAssessment(input: AssessBody | null) {
  return useQuery({
    queryKey: [...hazardSourceKeys.all, 'assess', input],
    queryFn: () => postJson<AssessmentResult>('/api/hazard-sources/assess', input),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  })
}
