import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { incidentKeys, type IncidentCollection } from '../incidents/incidents-api.ts'
import { applyStreamEvent } from './apply-event.ts'
import type { StreamEvent } from './stream-event.ts'

const created = (id: string): StreamEvent => ({
  id: 7,
  at: '2026-11-29T01:00:00.000Z',
  type: 'incident.created',
  regionCode: '610113',
  entity: 'incident',
  entityId: id,
  payload: { type: '泄漏', grade: '较大', location: [108.948, 34.213], deaths: 3 },
})

const emptyList: IncidentCollection = { type: 'FeatureCollection', features: [] }

function clientWithList() {
  const client = new QueryClient()
  client.setQueryData(incidentKeys.open('exclude'), emptyList)
  return client
}

describe('applyStreamEvent', () => {
  it('puts a new incident on the open list at once, newest first, and marks the list stale', () => {
    const client = clientWithList()
    applyStreamEvent(client, created('a'))
    applyStreamEvent(client, created('b'))
    const list = client.getQueryData<IncidentCollection>(incidentKeys.open('exclude'))
    expect(list?.features.map((f) => f.id)).toEqual(['b', 'a'])
    expect(list?.features[0]?.properties).toMatchObject({
      grade: '较大',
      type: '泄漏',
      status: 'reported',
      deaths: 3,
      regionCode: '610113',
    })
    expect(list?.features[0]?.geometry.coordinates).toEqual([108.948, 34.213])
    expect(client.getQueryState(incidentKeys.open('exclude'))?.isInvalidated).toBe(true)
  })

  it('does not add an incident twice (a replayed event after reconnect)', () => {
    const client = clientWithList()
    applyStreamEvent(client, created('a'))
    applyStreamEvent(client, created('a'))
    expect(
      client.getQueryData<IncidentCollection>(incidentKeys.open('exclude'))?.features,
    ).toHaveLength(1)
  })

  it('ignores a malformed payload rather than drawing a point nowhere', () => {
    const client = clientWithList()
    applyStreamEvent(client, { ...created('a'), payload: { type: '泄漏', grade: '较大' } })
    expect(
      client.getQueryData<IncidentCollection>(incidentKeys.open('exclude'))?.features,
    ).toHaveLength(0)
  })

  it('a dispatch change makes that incident stale, not the others', () => {
    const client = new QueryClient()
    client.setQueryData(incidentKeys.detail('x'), { id: 'x' })
    client.setQueryData(incidentKeys.detail('y'), { id: 'y' })
    applyStreamEvent(client, {
      ...created('d1'),
      type: 'dispatch.changed',
      entity: 'dispatch',
      payload: { incidentId: 'x', resourceId: 'r', status: 'en_route' },
    })
    expect(client.getQueryState(incidentKeys.detail('x'))?.isInvalidated).toBe(true)
    expect(client.getQueryState(incidentKeys.detail('y'))?.isInvalidated).toBe(false)
  })
})

describe('applyStreamEvent: exercises (演练)', () => {
  it('an exercise goes only on the lists that show exercises', () => {
    const client = new QueryClient()
    for (const mode of ['exclude', 'include', 'only'] as const) {
      client.setQueryData(incidentKeys.open(mode), emptyList)
    }
    const drill = created('x')
    applyStreamEvent(client, { ...drill, payload: { ...drill.payload, exercise: true } })
    const count = (mode: 'exclude' | 'include' | 'only') =>
      client.getQueryData<IncidentCollection>(incidentKeys.open(mode))?.features.length
    expect([count('exclude'), count('include'), count('only')]).toEqual([0, 1, 1])
    applyStreamEvent(client, created('real'))
    expect([count('exclude'), count('include'), count('only')]).toEqual([1, 2, 1])
  })
})
