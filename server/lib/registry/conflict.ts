import { HttpProblem } from '../problem.ts'

/**
 * 409 for a stale `version`: the body carries the record as it is now, so the client can
 * show both versions side by side and let the user choose.
 */
export function staleVersion(sent: number, current: { version: number }): HttpProblem {
  return new HttpProblem(
    409,
    'Conflict',
    `Someone changed this record: you edited version ${sent}, it is now version ${current.version}.`,
    {
      currentVersion: current.version,
      current,
      errors: [
        {
          field: 'version',
          code: 'stale',
          message: `stale: the record is now version ${current.version}`,
          params: { current: current.version },
        },
      ],
    },
  )
}

export const retiredRecord = () =>
  new HttpProblem(409, 'Conflict', 'This record has been retired and can no longer be edited.')
