import { describe, expect, it } from 'vitest'
import { dangerWorld, shiftDay, type Problem } from './hidden-dangers.fixtures.ts'
import type { HiddenDangerDetail } from './hidden-dangers.schemas.ts'

// Domain rules through the API: 422 naming the field, the rectification state machine, overdue.
const w = dangerWorld()

describe('hidden dangers: rules (422 naming the field)', () => {
  // Thunks: `w.today` is read from the database in beforeAll, after the table is collected.
  const cases: [string, string, () => Record<string, unknown>][] = [
    ['major without item', 'majorItem', () => ({ majorItem: undefined })],
    ['unknown item 21 (the w.list has 20)', 'majorItem', () => ({ majorItem: '21' })],
    ['general naming an item', 'majorItem', () => ({ severity: 'general', majorItem: '3' })],
    ['another sector’s list', 'majorListId', () => ({ majorListId: 'coal-2020', majorItem: '2' })],
    ['unknown list', 'majorListId', () => ({ majorListId: 'coal-2026', majorItem: '2' })],
    ['deadline before foundOn', 'deadline', () => ({ deadline: shiftDay(w.today, -1) })],
    [
      'another enterprise’s hazard source',
      'hazardSourceId',
      () => ({ hazardSourceId: w.otherSourceId }),
    ],
    [
      'unknown enterprise',
      'enterpriseId',
      () => ({ enterpriseId: '00000000-0000-4000-8000-000000000000' }),
    ],
  ]
  it.each(cases)('%s → 422 naming %s', async (_, field, override) => {
    const res = await w.yanta.post<Problem>('/api/hidden-dangers', w.danger(override()))
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.errors?.map((e) => e.field)).toEqual([field])
  })

  it('an enterprise outside the actor’s jurisdiction is refused as unknown (enterpriseId)', async () => {
    const res = await w.create(w.yanta, { enterpriseId: w.coal.id, majorItem: '2' })
    expect(res.status).toBe(422)
    expect((res.body as unknown as Problem).errors?.[0]?.field).toBe('enterpriseId')
  })

  it('the deadline day may be the day found', async () => {
    expect((await w.create(w.yanta, { deadline: w.today })).status).toBe(201)
  })

  it('a deadline moved before foundOn by PATCH is refused too', async () => {
    const d = (await w.create(w.yanta)).body
    const res = await w.yanta.patch<Problem>(`/api/hidden-dangers/${d.id}`, {
      version: 1,
      deadline: shiftDay(w.today, -1),
    })
    expect(res.status).toBe(422)
    expect(res.body.errors?.[0]?.field).toBe('deadline')
  })

  it('downgrading to general drops the w.list item', async () => {
    const d = (await w.create(w.yanta)).body
    const res = await w.yanta.patch<HiddenDangerDetail>(`/api/hidden-dangers/${d.id}`, {
      version: 1,
      severity: 'general',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ severity: 'general', majorListId: null, majorItem: null })
  })
})

describe('hidden dangers: rectification status and overdue', () => {
  it('moves open → rectifying → open (rejected) → rectifying → verified → closed', async () => {
    const d = (await w.create(w.yanta)).body
    let version = d.version
    const move = (status: string) =>
      w.yanta.patch<HiddenDangerDetail & Problem>(`/api/hidden-dangers/${d.id}`, {
        version,
        status,
      })
    const skip = await move('verified')
    expect(skip.status).toBe(422)
    expect(skip.body.errors?.[0]).toMatchObject({ field: 'status' })
    for (const status of ['rectifying', 'open', 'rectifying', 'verified', 'closed']) {
      const res = await move(status)
      expect(res.status, status).toBe(200)
      expect(res.body.status).toBe(status)
      expect(res.body.closedAt === null).toBe(status !== 'closed')
      version = res.body.version
    }
    const reopen = await move('open')
    expect(reopen.status).toBe(422)
    expect(reopen.body.errors?.[0]?.field).toBe('status')
  })

  it('overdue after the deadline day, not on it; never once verified', async () => {
    const past = (
      await w.create(w.yanta, { foundOn: shiftDay(w.today, -10), deadline: shiftDay(w.today, -1) })
    ).body
    const due = (await w.create(w.yanta, { foundOn: shiftDay(w.today, -10), deadline: w.today }))
      .body
    expect(past.overdue).toBe(true)
    expect(due.overdue).toBe(false)
    const fc = await w.list(w.yanta, `enterpriseId=${w.chem.id}&overdue=true`)
    const ids = fc.body.features.map((f) => f.id)
    expect(ids).toContain(past.id)
    expect(ids).not.toContain(due.id)
    expect(fc.body.features.every((f) => f.properties.overdue === true)).toBe(true)
    let v = past.version
    for (const status of ['rectifying', 'verified']) {
      const res = await w.yanta.patch<HiddenDangerDetail>(`/api/hidden-dangers/${past.id}`, {
        version: v,
        status,
      })
      v = res.body.version
      expect(res.body.overdue).toBe(status === 'rectifying')
    }
    const notOverdue = await w.list(w.yanta, `enterpriseId=${w.chem.id}&overdue=false`)
    expect(notOverdue.body.features.map((f) => f.id)).toEqual(
      expect.arrayContaining([past.id, due.id]),
    )
  })
})
