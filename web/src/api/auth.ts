import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Me } from '../../../server/routes/auth/auth.schemas.ts'
import { usePanels } from '../state/panels.ts'
import { getJson, isApiProblem, postJson } from './http.ts'

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
}

/** The signed-in user, or `null` when the server answers 401 (signed out). */
export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        return await getJson<Me>('/api/me', { signal })
      } catch (error) {
        if (isApiProblem(error) && error.status === 401) return null
        throw error
      }
    },
    staleTime: 5 * 60 * 1000,
  })

export function useMe() {
  return useQuery(meQuery())
}

/** Whether registry queries may run: only with a session. */
export function useSignedIn(): boolean {
  return Boolean(useMe().data)
}

export interface Credentials {
  username: string
  password: string
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (credentials: Credentials) => postJson<Me>('/api/auth/login', credentials),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: authKeys.me() })
    },
  })
}

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => postJson<unknown>('/api/auth/logout', {}),
    onSettled: () => {
      // Another user's view of the registry must not survive the session.
      queryClient.setQueryData(authKeys.me(), null)
      const kept = new Set<unknown>([authKeys.all[0], 'regions'])
      queryClient.removeQueries({ predicate: (query) => !kept.has(query.queryKey[0]) })
      const { panels, close } = usePanels.getState()
      for (const panel of panels) if (panel.content.kind !== 'region') close(panel.id)
    },
  })
}
