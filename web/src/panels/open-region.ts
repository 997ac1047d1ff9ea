import { useCallback } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { regionQuery } from '../api/regions.ts'
import { usePanels } from '../state/panels.ts'

/**
 * Opens a region's panel from a link (a parent or child in another panel), attached to
 * the region's label point. The detail is fetched first for that point; the panel then
 * reads it from the query cache, nothing is copied.
 */
export function useOpenRegionPanel(): (code: string) => Promise<void> {
  const queryClient = useQueryClient()
  const open = usePanels((s) => s.open)
  return useCallback(
    async (code: string) => {
      try {
        const detail = await queryClient.fetchQuery(regionQuery(code))
        open({ content: { kind: 'region', code }, anchor: detail.labelPoint })
      } catch (error) {
        console.warn(`[panels] region ${code} could not be opened`, error)
      }
    },
    [queryClient, open],
  )
}
