import { describe, expect, it } from 'vitest'
import {
  canAdvanceIncident,
  canMoveDispatch,
  incidentStatusOrder,
  nextIncidentStatus,
} from './incident-status.ts'

describe('incident status machine', () => {
  it('moves forward one step at a time and stops at closed', () => {
    expect(nextIncidentStatus('reported')).toBe('responding')
    expect(nextIncidentStatus('responding')).toBe('controlled')
    expect(nextIncidentStatus('controlled')).toBe('closed')
    expect(nextIncidentStatus('closed')).toBeNull()
  })

  it('refuses skipping, staying and going back', () => {
    for (const from of incidentStatusOrder) {
      for (const to of incidentStatusOrder) {
        const ok = incidentStatusOrder.indexOf(to) === incidentStatusOrder.indexOf(from) + 1
        expect(canAdvanceIncident(from, to), `${from} → ${to}`).toBe(ok)
      }
    }
  })
})

describe('dispatch status machine', () => {
  it('dispatched → en_route → on_scene, withdrawn from any live state', () => {
    expect(canMoveDispatch('dispatched', 'en_route')).toBe(true)
    expect(canMoveDispatch('en_route', 'on_scene')).toBe(true)
    expect(canMoveDispatch('dispatched', 'on_scene')).toBe(false)
    expect(canMoveDispatch('on_scene', 'en_route')).toBe(false)
    for (const from of ['dispatched', 'en_route', 'on_scene'] as const) {
      expect(canMoveDispatch(from, 'withdrawn')).toBe(true)
    }
  })

  it('withdrawn is final', () => {
    for (const to of ['dispatched', 'en_route', 'on_scene', 'withdrawn'] as const) {
      expect(canMoveDispatch('withdrawn', to)).toBe(false)
    }
  })
})
