import type { MessageKey } from '../i18n/messages.ts'

/** The label of each editable field, shared by the forms and the conflict view. */
export const fieldLabels: Record<string, MessageKey> = {
  name: 'editing.field.name',
  unitKind: 'editing.field.unitKind',
  location: 'editing.field.location',
  substances: 'editing.field.substances',
  peopleWithin500m: 'editing.field.people',
  status: 'editing.field.status',
  headcount: 'editing.field.headcount',
  capabilities: 'editing.field.capabilities',
  inventory: 'editing.field.inventory',
  contactName: 'editing.field.contactName',
  contactPhone: 'editing.field.contactPhone',
}
