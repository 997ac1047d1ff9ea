import { useCallback } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { enterpriseQuery } from '../api/enterprises.ts'
import { hazardSourceQuery } from '../api/hazard-sources.ts'
import { hiddenDangerQuery } from '../api/hidden-dangers.ts'
import { resourceQuery } from '../api/resources.ts'
import { usePanels, type RecordKind } from '../state/panels.ts'

/**
 * Opens a registry record's panel from a link in another panel, attached to the record's
 * own location: the detail is fetched first (into the query cache the panel then reads).
 */
export function useOpenRecordPanel(): (kind: RecordKind, id: string) => Promise<void> {
  const queryClient = useQueryClient()
  const open = usePanels((s) => s.open)
  return useCallback(
    async (kind: RecordKind, id: string) => {
      try {
        const detail =
          kind === 'hazard-source'
            ? await queryClient.fetchQuery(hazardSourceQuery(id))
            : kind === 'enterprise'
              ? await queryClient.fetchQuery(enterpriseQuery(id))
              : kind === 'hidden-danger'
                ? await queryClient.fetchQuery(hiddenDangerQuery(id))
                : await queryClient.fetchQuery(resourceQuery(id))
        open({ content: { kind, id }, anchor: detail.location })
      } catch (error) {
        console.warn(`[panels] ${kind} ${id} could not be opened`, error)
      }
    },
    [queryClient, open],
  )
}
