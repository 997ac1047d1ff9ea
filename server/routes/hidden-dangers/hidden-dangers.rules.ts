import { deadlineInOrder } from '../../domain/registry/danger-status.ts'
import {
  applicableListId,
  findMajorItem,
  findMajorList,
  majorListIds,
} from '../../domain/registry/major-danger-lists.ts'
import { HttpProblem, type FieldError } from '../../lib/problem.ts'

export interface Classification {
  severity: 'general' | 'major'
  majorListId: string | null
  majorItem: string | null
}

/**
 * A major danger (重大事故隐患) names the item of its sector's published list that it matches;
 * the list defaults to the sector's (危险化学品 → chemicals-2017, 煤矿 → coal-2020) and must be
 * that one when the sector has a list. A general danger names no list and no item. Returns the
 * classification to store, with the list filled in, or the fields at fault.
 */
export function classify(
  input: Classification,
  industry: string,
): { value: Classification; errors: FieldError[] } {
  const errors: FieldError[] = []
  if (input.severity === 'general') {
    if (input.majorItem !== null)
      errors.push({ field: 'majorItem', message: 'a general danger matches no list item' })
    else if (input.majorListId !== null)
      errors.push({ field: 'majorListId', message: 'a general danger names no list' })
    return { value: { severity: 'general', majorListId: null, majorItem: null }, errors }
  }
  const sectorList = applicableListId(industry)
  const listId = input.majorListId ?? sectorList
  const list = listId ? findMajorList(listId) : null
  if (!listId) {
    errors.push({
      field: 'majorListId',
      message: `no published list is set for the sector ${industry}; name one of ${majorListIds.join(', ')}`,
    })
  } else if (!list) {
    errors.push({
      field: 'majorListId',
      message: `unknown list ${listId}; known: ${majorListIds.join(', ')}`,
    })
  } else if (sectorList && listId !== sectorList) {
    errors.push({
      field: 'majorListId',
      message: `a ${industry} enterprise is judged against ${sectorList}, not ${listId}`,
    })
  }
  if (input.majorItem === null) {
    errors.push({
      field: 'majorItem',
      message: list
        ? `a major danger must name the item of ${list.source} it matches (1–${list.items.length})`
        : 'a major danger must name the list item it matches',
    })
  } else if (list && !findMajorItem(list.id, input.majorItem)) {
    errors.push({
      field: 'majorItem',
      message: `${list.source} has no item ${input.majorItem} (1–${list.items.length})`,
    })
  }
  return { value: { severity: 'major', majorListId: listId, majorItem: input.majorItem }, errors }
}

export function dateErrors(foundOn: string, deadline: string): FieldError[] {
  return deadlineInOrder(foundOn, deadline)
    ? []
    : [{ field: 'deadline', message: `the deadline ${deadline} is before foundOn ${foundOn}` }]
}

export const ruleViolation = (errors: FieldError[], detail?: string) =>
  new HttpProblem(
    422,
    'Unprocessable Content',
    detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    { errors },
  )
