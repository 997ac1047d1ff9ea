import { describe, expect, it } from 'vitest'
import { patchedCollection, patchedDetail } from './optimistic-record.ts'
import type { RegistryCollection } from './registry-list.ts'

const list: RegistryCollection<{ name: string }> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'a',
      geometry: { type: 'Point', coordinates: [1, 2] },
      properties: { name: 'A' },
    },
    {
      type: 'Feature',
      id: 'b',
      geometry: { type: 'Point', coordinates: [3, 4] },
      properties: { name: 'B' },
    },
  ],
}

describe('optimistic record updates', () => {
  it('moves only the edited feature and renames it', () => {
    const next = patchedCollection(list, 'b', { version: 3, location: [5, 6], name: 'B2' })
    expect(next.features[0]).toBe(list.features[0])
    expect(next.features[1]?.geometry.coordinates).toEqual([5, 6])
    expect(next.features[1]?.properties.name).toBe('B2')
    expect(list.features[1]?.geometry.coordinates).toEqual([3, 4])
  })

  it('leaves a list without the record untouched (same object)', () => {
    expect(patchedCollection(list, 'zzz', { version: 1, location: [5, 6] })).toBe(list)
  })

  it('applies the fields but not the version to the detail', () => {
    const detail = { id: 'a', name: 'A', version: 2, location: [1, 2] as [number, number] }
    expect(patchedDetail(detail, { version: 2, location: [7, 8] })).toEqual({
      id: 'a',
      name: 'A',
      version: 2,
      location: [7, 8],
    })
  })
})
