import { useT } from '../i18n/use-t.ts'
import type { InventoryRowValues } from './resource-draft.ts'

/** A warehouse's inventory (应急物资): material × quantity × unit, one row each. */
export function InventoryRows(props: {
  rows: InventoryRowValues[]
  onChange: (rows: InventoryRowValues[]) => void
}) {
  const t = useT()
  const { rows, onChange } = props
  const set = (i: number, patch: Partial<InventoryRowValues>) =>
    onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)))
  return (
    <fieldset className="edit-field edit-inventory" data-field="inventory">
      <legend>{t('editing.field.inventory')}</legend>
      {rows.map((row, i) => (
        <div className="edit-inventory__row" key={i}>
          <input
            name={`inventory.${i}.item`}
            aria-label={t('editing.inventory.item')}
            placeholder={t('editing.inventory.item')}
            maxLength={100}
            value={row.item}
            onChange={(e) => set(i, { item: e.target.value })}
          />
          <input
            name={`inventory.${i}.quantity`}
            aria-label={t('editing.inventory.quantity')}
            placeholder={t('editing.inventory.quantity')}
            inputMode="decimal"
            value={row.quantity}
            onChange={(e) => set(i, { quantity: e.target.value })}
          />
          <input
            name={`inventory.${i}.unit`}
            aria-label={t('editing.inventory.unit')}
            placeholder={t('editing.inventory.unit')}
            maxLength={20}
            value={row.unit}
            onChange={(e) => set(i, { unit: e.target.value })}
          />
          <button
            type="button"
            className="edit-button"
            aria-label={t('editing.substance.remove', { name: row.item || String(i + 1) })}
            onClick={() => onChange(rows.filter((_, k) => k !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="edit-button"
        data-action="add-inventory"
        onClick={() => onChange([...rows, { item: '', quantity: '', unit: '' }])}
      >
        {t('editing.inventory.add')}
      </button>
    </fieldset>
  )
}
