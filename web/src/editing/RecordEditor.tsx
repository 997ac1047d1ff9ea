import { useEffect, useState, type ReactNode } from 'react'
import type { RecordPatch } from '../api/optimistic-record.ts'
import type { RecordUpdateMutation } from '../api/record-update.ts'
import { useT, type MessageKey } from '../i18n/use-t.ts'
import { usePanels, type LngLatTuple } from '../state/panels.ts'
import { ConflictView } from './ConflictView.tsx'
import { useEditing, useEditSessionOf, type EditableKind, type FormValues } from './edit-store.ts'
import { currentPosition, GeolocationFailure } from './geolocation.ts'
import { MoveMarker } from './MoveMarker.tsx'
import { MoveStep } from './MoveStep.tsx'
import { ProblemMessage } from './ProblemMessage.tsx'

export interface EditableRecord {
  id: string
  name: string
  version: number
  location: LngLatTuple
}

const isCurrentRecord = (value: unknown): value is { version: number } & Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { version?: unknown }).version === 'number'

/** What a record's form gets from the editor: save (changed fields only) and cancel. */
export interface FormHandlers<P extends RecordPatch> {
  save: (changed: Partial<Omit<P, 'version'>>) => void
  cancel: () => void
  saving: boolean
}

/**
 * The editing section of a record panel (shown only when the user may edit it): the actions,
 * the move step with its draggable marker, the form, and the 409 conflict view. Saves are
 * optimistic; the mutation rolls back and this shows why when the server refuses.
 */
export function RecordEditor<D extends EditableRecord, P extends RecordPatch>(props: {
  kind: EditableKind
  record: D
  mutation: RecordUpdateMutation<D, P>
  acceptCurrent: (id: string, current: object) => void
  initialValues: () => FormValues
  renderForm: (handlers: FormHandlers<P>) => ReactNode
}) {
  const t = useT()
  const { kind, record, mutation } = props
  const session = useEditSessionOf(record.id)
  const conflict = useEditing((s) => (s.conflict?.id === record.id ? s.conflict : null))
  const startMove = useEditing((s) => s.startMove)
  const propose = useEditing((s) => s.propose)
  const startForm = useEditing((s) => s.startForm)
  const end = useEditing((s) => s.end)
  const setConflict = useEditing((s) => s.setConflict)
  const openPanel = usePanels((s) => s.open)
  const [geoError, setGeoError] = useState<MessageKey | null>(null)
  const [locating, setLocating] = useState(false)
  const [sentVersion, setSentVersion] = useState(record.version)

  // Closing the panel drops its unsaved move or form (and with it the move marker).
  useEffect(
    () => () => {
      const editing = useEditing.getState()
      if (editing.session?.id === record.id) editing.end()
      if (editing.conflict?.id === record.id) editing.setConflict(null)
    },
    [record.id],
  )

  const snapshot = () => ({ ...record }) as { version: number } & Record<string, unknown>

  const save = (
    changed: Partial<Omit<P, 'version'>>,
    base: { version: number } & Record<string, unknown>,
    onSaved?: () => void,
  ) => {
    const { version } = base
    setSentVersion(version)
    setGeoError(null)
    const patch = { ...changed, version } as P
    mutation.mutate(
      { id: record.id, patch },
      {
        onSuccess: (saved) => {
          onSaved?.()
          // The panel follows the record to its new place.
          if (patch.location)
            openPanel({ content: { kind, id: record.id }, anchor: saved.location })
        },
        onError: (error) => {
          const current: unknown = error.body.current
          if (error.status === 409 && isCurrentRecord(current)) {
            setConflict({
              kind,
              id: record.id,
              draft: changed,
              base,
              current,
            })
          }
        },
      },
    )
  }

  const locateMe = async () => {
    if (session?.mode !== 'move') startMove(kind, record.id, record.location, snapshot())
    setGeoError(null)
    setLocating(true)
    try {
      propose(await currentPosition(), 'gps')
    } catch (error) {
      setGeoError(
        error instanceof GeolocationFailure ? error.messageKey : 'editing.geo.unavailable',
      )
    } finally {
      setLocating(false)
    }
  }

  const cancel = () => {
    setGeoError(null)
    end()
  }

  let body: ReactNode
  if (conflict) {
    body = (
      <ConflictView
        conflict={conflict}
        sentVersion={sentVersion}
        busy={mutation.isPending}
        onKeepMine={() => {
          setConflict(null)
          save(conflict.draft as Partial<Omit<P, 'version'>>, conflict.current, end)
        }}
        onTakeTheirs={() => {
          props.acceptCurrent(record.id, conflict.current)
          setConflict(null)
          mutation.reset()
          end()
        }}
      />
    )
  } else if (session?.mode === 'move' && session.move) {
    const { move } = session
    body = (
      <>
        <MoveMarker
          origin={move.origin}
          proposed={move.proposed}
          label={t('editing.marker', { name: record.name })}
          onDragEnd={(point) => propose(point, 'drag')}
        />
        <MoveStep
          move={move}
          locating={locating}
          onUseMyLocation={() => void locateMe()}
          onConfirm={() => {
            if (!move.proposed) return
            // The marker goes at once: the map symbol already stands at the new place.
            end()
            save({ location: move.proposed } as Partial<Omit<P, 'version'>>, session.base)
          }}
          onCancel={cancel}
        />
      </>
    )
  } else if (session?.mode === 'form') {
    body = props.renderForm({
      save: (changed) => {
        if (Object.keys(changed).length === 0) return end()
        save(changed, session.base, end)
      },
      cancel,
      saving: mutation.isPending,
    })
  } else {
    body = (
      <div className="edit-actions" data-testid="edit-actions">
        <button
          type="button"
          className="edit-button"
          data-action="move"
          onClick={() => {
            setGeoError(null)
            startMove(kind, record.id, record.location, snapshot())
          }}
        >
          {t('editing.move')}
        </button>
        <button
          type="button"
          className="edit-button"
          data-action="my-location"
          disabled={locating}
          onClick={() => void locateMe()}
        >
          {t('editing.myLocation')}
        </button>
        <button
          type="button"
          className="edit-button"
          data-action="edit"
          onClick={() => {
            setGeoError(null)
            startForm(kind, record.id, props.initialValues(), snapshot())
          }}
        >
          {t('editing.edit')}
        </button>
      </div>
    )
  }

  return (
    <section className="record-editor" data-testid="record-editor">
      {body}
      {geoError && (
        <p className="edit-error" role="alert" data-testid="geo-error">
          {t(geoError)}
        </p>
      )}
      {mutation.error && !conflict && <ProblemMessage error={mutation.error} />}
    </section>
  )
}
