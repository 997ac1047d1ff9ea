import type {
  HazardSourceDetail,
  HazardSourceUpdate,
} from '../../../server/routes/hazard-sources/hazard-sources.schemas.ts'
import { useHazardSourceUpdate } from '../api/hazard-source-mutations.ts'
import { hazardSourceKeys } from '../api/hazard-sources.ts'
import { useAcceptCurrent } from '../api/record-update.ts'
import { changedFields } from './conflict-diff.ts'
import { useEditing } from './edit-store.ts'
import { baseDraftOf, formValuesOf, type HazardSourceFormValues } from './hazard-source-draft.ts'
import { HazardSourceForm } from './HazardSourceForm.tsx'
import { RecordEditor } from './RecordEditor.tsx'

const isHazardValues = (v: unknown): v is HazardSourceFormValues =>
  typeof v === 'object' && v !== null && 'rows' in v

/** Editing for a 重大危险源 panel: move it, or change what makes up its grade. */
export function HazardSourceEditor({ record }: { record: HazardSourceDetail }) {
  const mutation = useHazardSourceUpdate()
  const acceptCurrent = useAcceptCurrent(hazardSourceKeys)
  const values = useEditing((s) =>
    s.session?.id === record.id && isHazardValues(s.session.values) ? s.session.values : null,
  )
  const setValues = useEditing((s) => s.setValues)
  // What the user changed is measured from the record as it was when they began, not from
  // the live record: someone else's change meanwhile is not the user's to send back.
  const base = useEditing((s) => (s.session?.id === record.id ? s.session.base : null))
  const began = (base ?? record) as HazardSourceDetail
  return (
    <RecordEditor<HazardSourceDetail, HazardSourceUpdate>
      kind="hazard-source"
      record={record}
      mutation={mutation}
      acceptCurrent={acceptCurrent}
      initialValues={() => formValuesOf(record)}
      renderForm={({ save, cancel, saving }) =>
        values && (
          <HazardSourceForm
            values={values}
            onChange={setValues}
            onSave={(draft) => save(changedFields(draft, baseDraftOf(began)))}
            onCancel={cancel}
            saving={saving}
          />
        )
      }
    />
  )
}
