import type { Me } from '../../../server/routes/auth/auth.schemas.ts'
import type { IncidentType } from '../incidents/incidents-api.ts'
import {
  responseLevels,
  type PlanKind,
  type PlanLevel,
  type PlanStep,
  type ResponseLevel,
} from '../../../server/domain/plans/plan-shape.ts'
import { isApiProblem } from '../api/http.ts'
import { fieldErrorMessage } from '../i18n/field-error.ts'
import type { Translate } from '../i18n/use-t.ts'
import type { PlanCreate, PlanDetail, PlanUpdate, VersionContent } from './plans-api.ts'

type Contact = PlanCreate['contacts'][number]

/** What the plan form holds while it is typed in: the API's own shapes, text where typed. */
export interface PlanDraft {
  title: string
  level: PlanLevel
  kind: PlanKind
  regionCode: string
  enterpriseId: string
  incidentTypes: IncidentType[]
  /** CAS numbers as typed: separated by commas, 、 or whitespace. */
  substances: string
  /** Ⅰ–Ⅳ: whether the plan defines it, and its trigger. */
  levels: Record<ResponseLevel, { on: boolean; trigger: string }>
  steps: PlanStep[]
  contacts: Contact[]
  body: string
  note: string
}

const noLevels = () =>
  Object.fromEntries(
    responseLevels.map((l) => [l, { on: false, trigger: '' }]),
  ) as PlanDraft['levels']

/** A new plan for the user's own jurisdiction, at its level. */
export function emptyDraft(me: Me | null | undefined): PlanDraft {
  return {
    title: '',
    level: me?.agency.level ?? 'county',
    kind: 'special',
    regionCode: me?.agency.regionCode ?? '',
    enterpriseId: '',
    incidentTypes: [],
    substances: '',
    levels: noLevels(),
    steps: [],
    contacts: [],
    body: '',
    note: '',
  }
}

/** An existing plan: what it covers, and the content of its latest version. */
export function draftOf(plan: PlanDetail): PlanDraft {
  const latest = plan.versions[0]
  const levels = noLevels()
  for (const l of latest?.responseLevels ?? []) levels[l.level] = { on: true, trigger: l.trigger }
  return {
    title: plan.title,
    level: plan.level,
    kind: plan.kind,
    regionCode: plan.regionCode,
    enterpriseId: plan.enterpriseId ?? '',
    incidentTypes: plan.incidentTypes as IncidentType[],
    substances: plan.substances.join(', '),
    levels,
    steps: latest?.steps ?? [],
    contacts: latest?.contacts ?? [],
    body: latest?.body ?? '',
    note: '',
  }
}

const casList = (text: string) =>
  text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/** The version content the draft says (response levels, steps, contacts, body). */
export function contentOf(d: PlanDraft): Omit<VersionContent, 'version'> {
  return {
    responseLevels: responseLevels
      .filter((l) => d.levels[l].on)
      .map((l) => ({ level: l, trigger: d.levels[l].trigger.trim() })),
    steps: d.steps.map((s) => ({ ...s, title: s.title.trim(), role: s.role.trim() })),
    contacts: d.contacts.map((c) => ({
      role: c.role.trim(),
      name: c.name.trim(),
      phone: c.phone.trim(),
    })),
    body: d.body,
    note: d.note.trim(),
  }
}

/** POST /api/plans: the region, or the enterprise for an enterprise plan. */
export function createBody(d: PlanDraft): PlanCreate {
  return {
    level: d.level,
    kind: d.kind,
    ...(d.level === 'enterprise'
      ? { enterpriseId: d.enterpriseId || undefined }
      : { regionCode: d.regionCode || undefined }),
    title: d.title.trim(),
    incidentTypes: d.incidentTypes,
    substances: casList(d.substances),
    hazardSourceIds: [],
    reviewCycleYears: 3,
    ...contentOf(d),
  }
}

/** The PATCH of what changed in what the plan covers, or null when nothing did. */
export function patchOf(plan: PlanDetail, d: PlanDraft): Omit<PlanUpdate, 'version'> | null {
  const patch: Omit<PlanUpdate, 'version'> = {}
  if (d.title.trim() !== plan.title) patch.title = d.title.trim()
  if (d.incidentTypes.join() !== plan.incidentTypes.join()) patch.incidentTypes = d.incidentTypes
  const cas = casList(d.substances)
  if (cas.join() !== plan.substances.join()) patch.substances = cas
  return Object.keys(patch).length > 0 ? patch : null
}

/** The new version's content, or null when it says what the latest version says. */
export function changedContent(plan: PlanDetail, d: PlanDraft) {
  const next = contentOf(d)
  const latest = plan.versions[0]
  if (!latest) return next
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  const unchanged =
    same(next.responseLevels, latest.responseLevels) &&
    same(next.steps, latest.steps) &&
    same(next.contacts, latest.contacts) &&
    next.body === latest.body
  return unchanged ? null : next
}

/** A step key not yet used in the list (keys stay with their step when it moves). */
export function nextKey(steps: readonly PlanStep[]): string {
  const used = new Set(steps.map((s) => s.key))
  let n = steps.length + 1
  while (used.has(String(n))) n += 1
  return String(n)
}

/** The field errors under one list (`steps.1.title` → `1.title`), in the interface language. */
export function nestedErrors(error: unknown, list: string, t: Translate): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isApiProblem(error)) return out
  for (const e of error.errors) {
    if (e.field.startsWith(`${list}.`))
      out[e.field.slice(list.length + 1)] ??= fieldErrorMessage(t, e)
  }
  return out
}
