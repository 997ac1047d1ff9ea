import type { Queryable } from '../../db/database.ts'
import { alertFromCap, refusalOf, type CapProblem } from '../../domain/alerts/index.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { assertWritable } from '../../lib/registry/scope.ts'
import {
  canReadAlert,
  findExternalAlert,
  insertAlert,
  resolveArea,
  updateAlert,
} from './alerts.queries.ts'
import { assertAreaWritable, auditAndPublish, timesOf, unprocessable } from './alerts.write.ts'
import { parseCapXml } from './cap/cap-xml.ts'

const XML_TYPES = /^(application\/(cap\+)?xml|text\/xml)\s*(;|$)/i

/** A bad document: 400 problem+json naming each element at fault as `field`. */
const badCap = (problems: CapProblem[]) =>
  new HttpProblem(
    400,
    'Bad Request',
    `The CAP document is not acceptable: ${problems[0]!.path}: ${problems[0]!.message}`,
    {
      errors: problems.map((p) => ({
        field: p.path,
        code: /required/.test(p.message) ? 'required' : 'invalid',
        message: p.message,
      })),
    },
  )

/**
 * Takes in a CAP 1.2 message: Alert → a new external alert; Update / Cancel → the external
 * alert it references (same sender) is updated or lifted. Parsing and checking happen
 * before the transaction, so a bad document changes nothing.
 */
export async function importAlert(
  db: Queryable,
  actor: Actor,
  contentType: string,
  text: string,
): Promise<string> {
  if (!XML_TYPES.test(contentType)) {
    throw new HttpProblem(
      415,
      'Unsupported Media Type',
      'Send the CAP document as application/cap+xml or application/xml.',
    )
  }
  const parsed = parseCapXml(text)
  if (!parsed.ok) throw badCap(parsed.problems)
  const reading = alertFromCap(parsed.root)
  if (!reading.ok) throw badCap(reading.problems)
  const { content } = reading
  const areaField = '/alert/info/area'
  return db.transaction(async (tx) => {
    if (reading.msgType === 'Alert') {
      if (await findExternalAlert(tx, reading.sender, reading.identifier)) {
        throw new HttpProblem(409, 'Conflict', 'This CAP message has been taken in already.', {
          errors: [
            {
              field: '/alert/identifier',
              code: 'duplicate',
              message: 'already taken in from this sender',
            },
          ],
        })
      }
      const area = await resolveArea(tx, content.area, areaField, content.regionCodes)
      assertAreaWritable(actor, area, areaField)
      const id = await insertAlert(
        tx,
        actor,
        {
          identifier: reading.identifier,
          sender: reading.sender,
          senderName: reading.senderName,
          source: 'external',
          level: content.level,
          eventType: content.eventType,
          title: content.title,
          text: content.text,
          instructions: content.instructions,
          audience: content.audience,
          areaDesc: content.areaDesc,
          onset: content.onset,
          expiresAt: content.expiresAt,
          issuedAt: reading.sent,
          exercise: content.exercise,
          capXml: text,
        },
        area,
      )
      await auditAndPublish(tx, actor, 'alert.issued', 'create', id, null)
      return id
    }
    // Update / Cancel: the latest referenced message we hold from the same sender.
    let target = null
    for (const ref of [...reading.references].reverse()) {
      const found = await findExternalAlert(tx, ref.sender || reading.sender, ref.identifier)
      if (found && canReadAlert(actor, found)) {
        target = found
        break
      }
    }
    if (!target) {
      throw unprocessable(
        '/alert/references',
        'no alert we hold from this sender is referenced',
        'invalid_value',
      )
    }
    assertWritable(actor, target.regionCode)
    const action = reading.msgType === 'Cancel' ? 'lift' : 'update'
    const refusal = refusalOf(timesOf(target), action, new Date())
    if (refusal) throw unprocessable('/alert/msgType', refusal, 'bad_transition')
    if (action === 'lift') {
      await updateAlert(tx, actor, target.id, {}, null, 'lifted', {
        reason: `CAP Cancel ${reading.identifier}`,
      })
      await auditAndPublish(tx, actor, 'alert.lifted', 'update', target.id, target)
      return target.id
    }
    const area = await resolveArea(tx, content.area, areaField, content.regionCodes)
    assertAreaWritable(actor, area, areaField)
    const { area: _area, regionCodes: _codes, exercise: _exercise, ...fields } = content
    void [_area, _codes, _exercise]
    await updateAlert(tx, actor, target.id, fields, area, 'updated')
    await auditAndPublish(tx, actor, 'alert.updated', 'update', target.id, target)
    return target.id
  })
}
