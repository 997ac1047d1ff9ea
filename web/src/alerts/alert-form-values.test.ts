import { describe, expect, it } from 'vitest'
import type { AlertCreate, AlertDetail } from './alerts-api.ts'

type AlertArea = AlertCreate['area']
import { changesOf, initialValues } from './alert-form-values.ts'

const alert = {
  version: 3,
  level: '三级',
  eventType: '暴雨',
  title: '汉中市暴雨黄色预警',
  text: '预计降雨30毫米',
  instructions: '加强巡查',
  audience: '各县区',
  areaDesc: '汉中市南部',
  areaKind: 'regions',
  areaRegionCodes: ['610700'],
  onset: '2026-12-07T10:00:00.000Z',
  expiresAt: '2026-12-08T10:00:00.000Z',
} as AlertDetail

describe('the update form sends only what changed', () => {
  it('unchanged: the version alone (times as shown are not re-sent)', () => {
    expect(changesOf(alert, initialValues(alert), null)).toEqual({ version: 3 })
  })
  it('a changed text and expiry, nothing else', () => {
    const v = { ...initialValues(alert), text: '雨势减弱' }
    const expiresAt = new Date('2026-12-08T12:00:00.000Z')
    const off = expiresAt.getTimezoneOffset() * 60_000
    v.expiresAt = new Date(expiresAt.getTime() - off).toISOString().slice(0, 16)
    expect(changesOf(alert, v, null)).toEqual({
      version: 3,
      text: '雨势减弱',
      expiresAt: '2026-12-08T12:00:00.000Z',
    })
  })
  it('the same regions are no change of area; other regions or a drawn area are', () => {
    const v = initialValues(alert)
    expect(changesOf(alert, v, { kind: 'regions', codes: ['610700'] })).toEqual({ version: 3 })
    const more: AlertArea = { kind: 'regions', codes: ['610700', '611000'] }
    expect(changesOf(alert, v, more).area).toEqual(more)
    const circle: AlertArea = { kind: 'circle', center: [107, 33], radiusM: 900 }
    expect(changesOf(alert, v, circle).area).toEqual(circle)
  })
  it('an emptied title falls back to the event type, as issuing does', () => {
    const v = { ...initialValues(alert), title: '', eventType: '大风' }
    expect(changesOf(alert, v, null)).toMatchObject({ eventType: '大风', title: '大风预警' })
  })
})
