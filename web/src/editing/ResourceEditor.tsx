import type {
  ResourceDetail,
  ResourceUpdate,
} from '../../../server/routes/resources/resources.schemas.ts'
import { useAcceptCurrent } from '../api/record-update.ts'
import { useResourceUpdate } from '../api/resource-mutations.ts'
import { resourceKeys } from '../api/resources.ts'
import { changedFields } from './conflict-diff.ts'
import { useEditing } from './edit-store.ts'
import {
  resourceBaseDraftOf,
  resourceFormValuesOf,
  type ResourceFormValues,
} from './resource-draft.ts'
import { RecordEditor } from './RecordEditor.tsx'
import { ResourceForm } from './ResourceForm.tsx'

const isResourceValues = (v: unknown): v is ResourceFormValues =>
  typeof v === 'object' && v !== null && 'status' in v

/** Editing for a rescue resource panel: move it, or update status, headcount and contact. */
export function ResourceEditor({ record }: { record: ResourceDetail }) {
  const mutation = useResourceUpdate()
  const acceptCurrent = useAcceptCurrent(resourceKeys)
  const values = useEditing((s) =>
    s.session?.id === record.id && isResourceValues(s.session.values) ? s.session.values : null,
  )
  const setValues = useEditing((s) => s.setValues)
  // Changes are measured from the record as it was when editing began (see HazardSourceEditor).
  const base = useEditing((s) => (s.session?.id === record.id ? s.session.base : null))
  const began = (base ?? record) as ResourceDetail
  return (
    <RecordEditor<ResourceDetail, ResourceUpdate>
      kind="resource"
      record={record}
      mutation={mutation}
      acceptCurrent={acceptCurrent}
      initialValues={() => resourceFormValuesOf(record)}
      renderForm={({ save, cancel, saving }) =>
        values && (
          <ResourceForm
            values={values}
            onChange={setValues}
            onSave={(draft) => save(changedFields(draft, resourceBaseDraftOf(began)))}
            onCancel={cancel}
            saving={saving}
          />
        )
      }
    />
  )
}
