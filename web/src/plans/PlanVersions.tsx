import { useState, type ChangeEvent } from 'react'
import { problemMessage } from '../i18n/field-error.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import { DiffView } from './DiffView.tsx'
import {
  useImportBody,
  useNewVersion,
  useVersionStatus,
  type PlanDetail,
  type PlanVersionDetail,
} from './plans-api.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The next lifecycle steps a version offers: 审批, 施行, 废止. */
const nextSteps = (v: PlanVersionDetail) =>
  v.status === 'draft'
    ? (['approved', 'superseded'] as const)
    : v.status === 'approved'
      ? (['in_force', 'superseded'] as const)
      : ([] as const)

const stepLabel = {
  approved: 'plans.approve',
  in_force: 'plans.putInForce',
  superseded: 'plans.withdraw',
} as const

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

/** Every version with its lifecycle buttons, revision and import, and a side-by-side diff. */
export function PlanVersions(props: {
  plan: PlanDetail
  shown: number
  onShow: (n: number) => void
}) {
  const { plan, shown, onShow } = props
  const t = useT()
  const day = useDateFormat(false)
  const status = useVersionStatus(plan.id)
  const revise = useNewVersion(plan.id)
  const upload = useImportBody(plan.id)
  const numbers = plan.versions.map((v) => v.number)
  const [pair, setPair] = useState<[number, number] | null>(null)
  const [from, to] = pair ?? [numbers[1] ?? numbers[0] ?? 1, numbers[0] ?? 1]
  const error = status.error ?? revise.error ?? upload.error
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    const mediaType = file.name.toLowerCase().endsWith('.docx') ? DOCX : 'text/markdown'
    upload.mutate({
      version: plan.version,
      fileName: file.name,
      mediaType,
      base64: await base64Of(file),
    })
  }
  return (
    <section className="plan-versions" data-field="versions">
      <h3 className="panel-subhead">{t('plans.versions')}</h3>
      <ul className="plan-versions__list">
        {plan.versions.map((v) => (
          <li
            key={v.id}
            data-number={v.number}
            data-status={v.status}
            aria-current={v.number === shown}
          >
            <button type="button" className="link-button" onClick={() => onShow(v.number)}>
              {t('plans.version', { n: v.number })}
            </button>
            <span className={`badge plan-status plan-status--${v.status}`}>
              {t(`plans.status.${v.status}`)}
            </span>
            <span className="plan-versions__meta">
              {[
                v.approvedBy && t('plans.approvedBy', { who: v.approvedBy }),
                v.inForceFrom && t('plans.inForceFrom', { date: v.inForceFrom }),
                v.note,
                !v.approvedBy && !v.inForceFrom && day(v.createdAt),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {v.attachment && (
              <a
                className="plan-versions__file"
                href={`/api/plans/${encodeURIComponent(plan.id)}/versions/${v.number}/attachment`}
              >
                {t('plans.attachment', { name: v.attachment.name })}
              </a>
            )}
            {plan.canEdit &&
              nextSteps(v).map((s) => (
                <button
                  key={s}
                  type="button"
                  className="button button--small"
                  data-action={`version-${s}`}
                  disabled={status.isPending}
                  onClick={() => status.mutate({ number: v.number, version: v.version, status: s })}
                >
                  {t(stepLabel[s])}
                </button>
              ))}
          </li>
        ))}
      </ul>
      {plan.canEdit && (
        <div className="plan-versions__actions">
          <button
            type="button"
            className="button button--small"
            data-action="revise"
            disabled={revise.isPending || !plan.versions[0]}
            onClick={() => revise.mutate({ version: plan.version, from: plan.versions[0]! })}
          >
            {t('plans.newVersion')}
          </button>
          <label className="button button--small plan-import">
            {t('plans.import')}
            <input
              type="file"
              accept=".docx,.md,.markdown,.txt"
              onChange={(e) => void onFile(e)}
              hidden
            />
          </label>
        </div>
      )}
      {error && <p className="panel-status panel-status--error">{problemMessage(t, error)}</p>}
      {numbers.length > 1 && (
        <details className="plan-diff-box" open>
          <summary>{t('plans.diff')}</summary>
          <div className="plan-diff__pick">
            <select
              aria-label="from"
              value={from}
              onChange={(e) => setPair([Number(e.target.value), to])}
            >
              {numbers.map((n) => (
                <option key={n} value={n}>
                  {t('plans.version', { n })}
                </option>
              ))}
            </select>
            →
            <select
              aria-label="to"
              value={to}
              onChange={(e) => setPair([from, Number(e.target.value)])}
            >
              {numbers.map((n) => (
                <option key={n} value={n}>
                  {t('plans.version', { n })}
                </option>
              ))}
            </select>
          </div>
          <DiffView planId={plan.id} from={from} to={to} />
        </details>
      )}
    </section>
  )
}
