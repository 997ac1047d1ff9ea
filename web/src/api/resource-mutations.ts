import type {
  ResourceDetail,
  ResourceUpdate,
} from '../../../server/routes/resources/resources.schemas.ts'
import { useRecordUpdate } from './record-update.ts'
import { resourceKeys } from './resources.ts'

/** PATCH /api/resources/:id, optimistic, with rollback. */
export const useResourceUpdate = () =>
  useRecordUpdate<ResourceDetail, ResourceUpdate>('resources', resourceKeys)
