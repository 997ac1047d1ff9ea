import { describe, expect, it } from 'vitest'
import { noFilters, type FiltersState } from './filters.ts'
import { decodeHash, decodeSearch, decodeUrl, encodeHash, encodeSearch } from './url-state.ts'

const order = ['hazard-sources', 'hidden-dangers', 'resources', 'enterprises', 'provinces']

const filtered = (): FiltersState => {
  const layers = noFilters()
  layers['hazard-sources'].grade = ['一级', '未定级']
  layers['hidden-dangers'] = { severity: 'major', status: ['open', 'rectifying'], overdue: false }
  layers.resources = { kind: ['team', 'medical'], status: 'available' }
  layers.enterprises.industry = '危险化学品'
  return { layers, region: { code: '610113', name: null }, exercises: 'only' }
}

describe('url state', () => {
  it('round-trips view, layers and filters', () => {
    const view = { center: [108.94123, 34.21234] as [number, number], zoom: 11.25, bearing: 30 }
    const layers = {
      'hazard-sources': true,
      'hidden-dangers': false,
      resources: true,
      enterprises: false,
      provinces: true,
    }
    const filters = filtered()
    const search = encodeSearch({ layers, filters }, order)
    const hash = encodeHash(view)
    expect(hash).toBe('#11.25/34.21234/108.94123/30')
    expect(search).toContain('layers=hazard-sources,resources,provinces')
    expect(search).toContain('ex=only')
    const back = decodeUrl({ search, hash }, order)
    expect(back.view).toEqual(view)
    expect(back.layers).toEqual(layers)
    expect(back.filters).toEqual(filters)
  })

  it('reads MapLibre-style hashes without bearing and leaves the query empty', () => {
    expect(decodeHash('#8/34.2/108.9')).toEqual({ center: [108.9, 34.2], zoom: 8, bearing: 0 })
    const none = decodeSearch('', order)
    expect(none.layers).toBeNull()
    expect(none.filters).toEqual({ layers: noFilters(), region: null, exercises: 'exclude' })
  })

  it('exercises (演练): absent or unknown means left out; include and only are kept', () => {
    expect(decodeSearch('?ex=include', order).filters.exercises).toBe('include')
    expect(decodeSearch('?ex=all', order).filters.exercises).toBe('exclude')
    const plain = encodeSearch(
      { layers: {}, filters: { ...filtered(), exercises: 'exclude' } },
      order,
    )
    expect(plain).not.toContain('ex=')
  })

  it('drops bad and hostile values instead of applying them', () => {
    for (const hash of [
      '#99/34/108',
      '#8/95/108',
      '#8/34/200',
      '#8/34',
      '#abc/def/ghi',
      '#8/34/108/<script>',
      '#1e3/34/108',
      `#${'9'.repeat(200)}/1/1`,
    ]) {
      expect(decodeHash(hash), hash).toBeNull()
    }
    const decoded = decodeSearch(
      '?layers=hazard-sources,__proto__,constructor&hs.grade=五级,一级,<img>&hd.severity=DROP TABLE' +
        '&hd.overdue=maybe&rs.kind=team,team,alien&rs.status=&en.industry=%00&region=61011x',
      order,
    )
    expect(decoded.layers).toEqual({
      'hazard-sources': true,
      'hidden-dangers': false,
      resources: false,
      enterprises: false,
      provinces: false,
    })
    expect(Object.keys(decoded.layers ?? {})).not.toContain('__proto__')
    expect(decoded.filters.layers['hazard-sources'].grade).toEqual(['一级'])
    expect(decoded.filters.layers['hidden-dangers']).toEqual({
      severity: null,
      status: [],
      overdue: null,
    })
    expect(decoded.filters.layers.resources).toEqual({ kind: ['team'], status: null })
    expect(decoded.filters.layers.enterprises.industry).toBeNull()
    expect(decoded.filters.region).toBeNull()
  })

  it('ignores an oversized query altogether', () => {
    const huge = `?hs.grade=一级&pad=${'x'.repeat(5000)}`
    expect(decodeSearch(huge, order).filters.layers['hazard-sources'].grade).toEqual([])
  })

  it('encodes the same state to the same URL whatever order the chips were pressed in', () => {
    const a = filtered()
    const b = filtered()
    b.layers.resources.kind = ['medical', 'team']
    const layers = { 'hazard-sources': true }
    expect(encodeSearch({ layers, filters: a }, order)).toBe(
      encodeSearch({ layers, filters: b }, order),
    )
  })
})
