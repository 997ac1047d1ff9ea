import { create } from 'zustand'

export type LngLatTuple = [lng: number, lat: number]

/**
 * What a panel shows, as identifiers only: the content component fetches its own data
 * through the query hooks, so server data is never copied into this store. Later panel
 * kinds extend this union.
 */
export type PanelContent =
  | { kind: 'region'; code: string }
  | { kind: 'hazard-source'; id: string }
  | { kind: 'enterprise'; id: string }
  | { kind: 'hidden-danger'; id: string }
  | { kind: 'resource'; id: string }
  | { kind: 'incident'; id: string }
  | { kind: 'drill'; id: string }
  | { kind: 'plan'; id: string }
  | { kind: 'alert'; id: string }

/** Registry records (not regions, incidents, drills, plans or alerts): what `useOpenRecordPanel` fetches. */
export type RecordKind = Exclude<
  PanelContent['kind'],
  'region' | 'incident' | 'drill' | 'plan' | 'alert'
>

export interface PanelState {
  id: string
  content: PanelContent
  /** The map point the panel is attached to (the feature, or where it was clicked). */
  anchor: LngLatTuple
  pinned: boolean
  /** Another panel's id: this one is laid beside it (a plan beside its incident). */
  beside?: string
  /** Stacking order: larger is in front. Also tells which panel was used last. */
  order: number
}

export interface OpenRequest {
  content: PanelContent
  anchor: LngLatTuple
  /** Close unpinned panels first: a map click replaces the transient panel, as a popup would. */
  replaceUnpinned?: boolean
  /** Lay the new panel beside this open panel instead of at its anchor's side. */
  beside?: string
}

interface PanelsStore {
  panels: PanelState[]
  open: (request: OpenRequest) => string
  close: (id: string) => void
  pin: (id: string, pinned: boolean) => void
  bringToFront: (id: string) => void
  /** Esc: the frontmost unpinned panel. Returns whether one was closed. */
  closeTopUnpinned: () => boolean
}

export const panelId = (content: PanelContent): string =>
  `${content.kind}:${content.kind === 'region' ? content.code : content.id}`

let nextOrder = 1

export const usePanels = create<PanelsStore>()((set, get) => ({
  panels: [],

  open: ({ content, anchor, replaceUnpinned = false, beside }) => {
    const id = panelId(content)
    set(({ panels }) => {
      const existing = panels.find((p) => p.id === id)
      const kept = panels.filter((p) => p.id !== id && (p.pinned || !replaceUnpinned))
      // Re-opening keeps the pin but moves the panel to the newly chosen point.
      const panel: PanelState = {
        id,
        content,
        anchor,
        pinned: existing?.pinned ?? false,
        ...(beside ? { beside } : {}),
        order: nextOrder++,
      }
      return { panels: [...kept, panel] }
    })
    return id
  },

  close: (id) => set(({ panels }) => ({ panels: panels.filter((p) => p.id !== id) })),

  pin: (id, pinned) =>
    set(({ panels }) => ({ panels: panels.map((p) => (p.id === id ? { ...p, pinned } : p)) })),

  bringToFront: (id) =>
    set(({ panels }) => {
      const top = panels.reduce((max, p) => Math.max(max, p.order), 0)
      const panel = panels.find((p) => p.id === id)
      if (!panel || panel.order === top) return { panels }
      return { panels: panels.map((p) => (p.id === id ? { ...p, order: nextOrder++ } : p)) }
    }),

  closeTopUnpinned: () => {
    const candidates = get().panels.filter((p) => !p.pinned)
    const top = candidates.reduce<PanelState | undefined>(
      (best, p) => (!best || p.order > best.order ? p : best),
      undefined,
    )
    if (!top) return false
    get().close(top.id)
    return true
  },
}))
