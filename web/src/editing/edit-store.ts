import { create } from 'zustand'
import type { LngLatTuple } from '../state/panels.ts'
import type { HazardSourceDraft, HazardSourceFormValues } from './hazard-source-draft.ts'
import type { ResourceDraft, ResourceFormValues } from './resource-draft.ts'

/** The registry records an officer can correct in the field. */
export type EditableKind = 'hazard-source' | 'resource'

export type RecordDraft = HazardSourceDraft | ResourceDraft
/** What the form fields hold while typing (numbers still as text). */
export type FormValues = HazardSourceFormValues | ResourceFormValues

export interface MoveDraft {
  /** Where the record is now. */
  origin: LngLatTuple
  /** Where the user put it (dragged marker or GPS fix); null until they do. */
  proposed: LngLatTuple | null
  via: 'drag' | 'gps' | null
}

/** One record is edited at a time: moving its marker, or its form. */
export interface EditSession {
  kind: EditableKind
  id: string
  mode: 'move' | 'form'
  move: MoveDraft | null
  values: FormValues | null
  /**
   * The record as it was when editing began. Its version goes with the save, so a change
   * someone else makes meanwhile (which the live stream brings into the cache) is a 409 and
   * the conflict view, not silently the new base of this edit.
   */
  base: { version: number } & Record<string, unknown>
}

/** A save refused with 409: the user's draft and the record as the server has it now. */
export interface EditConflict {
  kind: EditableKind
  id: string
  draft: RecordDraft
  /** The record as the user had it when they started (their version). */
  base: Record<string, unknown>
  current: { version: number } & Record<string, unknown>
}

interface EditingStore {
  session: EditSession | null
  conflict: EditConflict | null
  startMove: (
    kind: EditableKind,
    id: string,
    origin: LngLatTuple,
    base: EditSession['base'],
  ) => void
  propose: (point: LngLatTuple, via: 'drag' | 'gps') => void
  startForm: (kind: EditableKind, id: string, values: FormValues, base: EditSession['base']) => void
  setValues: (values: FormValues) => void
  end: () => void
  setConflict: (conflict: EditConflict | null) => void
}

/** Draft edits and move mode: UI state only, the record itself lives in the query cache. */
export const useEditing = create<EditingStore>()((set) => ({
  session: null,
  conflict: null,

  startMove: (kind, id, origin, base) =>
    set({
      session: {
        kind,
        id,
        mode: 'move',
        move: { origin, proposed: null, via: null },
        values: null,
        base,
      },
      conflict: null,
    }),

  propose: (point, via) =>
    set(({ session }) =>
      session?.move
        ? { session: { ...session, move: { ...session.move, proposed: point, via } } }
        : {},
    ),

  startForm: (kind, id, values, base) =>
    set({ session: { kind, id, mode: 'form', move: null, values, base }, conflict: null }),

  setValues: (values) =>
    set(({ session }) => (session?.mode === 'form' ? { session: { ...session, values } } : {})),

  end: () => set({ session: null }),

  setConflict: (conflict) => set({ conflict }),
}))

/** The session for this record, if it is the one being edited. */
export const useEditSessionOf = (id: string): EditSession | null =>
  useEditing((s) => (s.session?.id === id ? s.session : null))

/**
 * Whether this record is being edited (moved or in its form): its read-only facts then give
 * way, so the form replaces them and a phone's bottom sheet shrinks to leave the map free.
 */
export const useBeingEdited = (id: string): boolean => useEditing((s) => s.session?.id === id)
