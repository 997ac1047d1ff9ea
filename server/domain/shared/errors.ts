/**
 * Typed errors thrown by the domain rules.
 *
 * Every error carries `field`, a path into the caller's input written the way the API's
 * problem+json field list names fields (`substances[2].category`, `deaths`), so a route can
 * turn it into a response without parsing the message.
 *
 * Suggested HTTP mapping (the routes own the final decision):
 * - `InvalidInputError` → 400: the value is malformed (negative, not finite, not an integer,
 *   bad date, wrong character set).
 * - `UnknownSubstanceError` → 422: the input is well formed but the rule cannot be applied
 *   without more information (GB 18218 needs a hazard category for a substance it does not list).
 */
export abstract class DomainError extends Error {
  abstract readonly code: 'invalid_input' | 'unknown_substance'
  readonly field: string

  constructor(field: string, message: string) {
    super(message)
    this.field = field
    this.name = new.target.name
  }
}

/** A value the rule cannot accept at all (malformed, out of range). */
export class InvalidInputError extends DomainError {
  readonly code = 'invalid_input' as const
}

/**
 * GB 18218-2018: a substance that is neither in Table 1 nor in Table 3 takes its threshold Q
 * from its hazard category (Table 2), so without a category there is no Q. `field` points at
 * the missing category, e.g. `substances[1].category`.
 */
export class UnknownSubstanceError extends DomainError {
  readonly code = 'unknown_substance' as const
  readonly index: number
  readonly substanceName: string

  constructor(index: number, substanceName: string) {
    super(
      `substances[${index}].category`,
      `substances[${index}].category is required: '${substanceName}' is not listed in ` +
        'GB 18218-2018 Table 1 or Table 3, so its threshold comes from its hazard category (Table 2)',
    )
    this.index = index
    this.substanceName = substanceName
  }
}
