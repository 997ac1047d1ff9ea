import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query'
import { auditKeys } from './audit.ts'
import { patchJson, type ApiProblem } from './http.ts'
import { patchedCollection, patchedDetail, type RecordPatch } from './optimistic-record.ts'
import type { RegistryCollection } from './registry-list.ts'

interface RegistryKeys {
  all: readonly unknown[]
  lists: () => readonly unknown[]
  detail: (id: string) => readonly unknown[]
}

export interface UpdateVariables<P> {
  id: string
  patch: P
}

interface Snapshot<D> {
  detail: D | undefined
  lists: [QueryKey, RegistryCollection<unknown> | undefined][]
}

/**
 * PATCH a registry record optimistically: the panel and the map show the change at once, and
 * both snap back if the server refuses it (the caller shows why, 409 included).
 */
export function useRecordUpdate<D extends object, P extends RecordPatch>(
  path: string,
  keys: RegistryKeys,
) {
  const queryClient = useQueryClient()
  return useMutation<D, ApiProblem, UpdateVariables<P>, Snapshot<D>>({
    mutationFn: ({ id, patch }) => patchJson<D>(`/api/${path}/${encodeURIComponent(id)}`, patch),

    onMutate: async ({ id, patch }) => {
      // An in-flight fetch must not overwrite the optimistic value with the old one.
      await queryClient.cancelQueries({ queryKey: keys.detail(id) })
      await queryClient.cancelQueries({ queryKey: keys.lists() })
      const detail = queryClient.getQueryData<D>(keys.detail(id))
      const lists = queryClient.getQueriesData<RegistryCollection<unknown>>({
        queryKey: keys.lists(),
      })
      if (detail) queryClient.setQueryData(keys.detail(id), patchedDetail(detail, patch))
      queryClient.setQueriesData<RegistryCollection<unknown>>({ queryKey: keys.lists() }, (list) =>
        list ? patchedCollection(list, id, patch) : list,
      )
      return { detail, lists }
    },

    onError: (_error, { id }, snapshot) => {
      if (!snapshot) return
      queryClient.setQueryData(keys.detail(id), snapshot.detail)
      for (const [key, list] of snapshot.lists) queryClient.setQueryData(key, list)
    },

    onSuccess: (saved, { id }) => {
      queryClient.setQueryData(keys.detail(id), saved)
    },

    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.lists() })
      void queryClient.invalidateQueries({ queryKey: auditKeys.all })
    },
  })
}

export type RecordUpdateMutation<D extends object, P extends RecordPatch> = ReturnType<
  typeof useRecordUpdate<D, P>
>

/** "Take theirs" after a 409: the server's current record replaces ours in every cache. */
export function useAcceptCurrent(keys: RegistryKeys): (id: string, current: object) => void {
  const queryClient = useQueryClient()
  return (id, current) => {
    queryClient.setQueryData(keys.detail(id), current)
    void queryClient.invalidateQueries({ queryKey: keys.lists() })
    void queryClient.invalidateQueries({ queryKey: auditKeys.all })
  }
}
