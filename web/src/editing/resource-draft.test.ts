import { describe, expect, it } from 'vitest'
import { capabilitiesOf, resourceDraftOf, type ResourceFormValues } from './resource-draft.ts'

const values = (over: Partial<ResourceFormValues> = {}): ResourceFormValues => ({
  kind: 'warehouse',
  status: 'available',
  headcount: '',
  capabilities: '',
  inventory: [],
  contactName: '',
  contactPhone: '',
  ...over,
})

describe('resource draft', () => {
  it('splits capabilities on 、 and commas, dropping blanks and repeats', () => {
    expect(capabilitiesOf('堵漏、洗消, 侦检，堵漏、 ')).toEqual(['堵漏', '洗消', '侦检'])
  })
  it('parses inventory rows and skips a row left empty', () => {
    const d = resourceDraftOf(
      values({
        inventory: [
          { item: '吸附棉', quantity: '200', unit: '包' },
          { item: '', quantity: '', unit: '' },
        ],
      }),
    )
    expect(d?.inventory).toEqual([{ item: '吸附棉', quantity: 200, unit: '包' }])
  })
  it('is invalid while a row lacks its unit or has a negative quantity', () => {
    expect(resourceDraftOf(values({ inventory: [{ item: 'x', quantity: '1', unit: '' }] }))).toBe(
      null,
    )
    expect(
      resourceDraftOf(values({ inventory: [{ item: 'x', quantity: '-1', unit: '个' }] })),
    ).toBe(null)
    expect(resourceDraftOf(values({ headcount: '2.5' }))).toBe(null)
  })
})
