import fc from 'fast-check'

/** The slice of JSON Schema (OpenAPI 3.1) the API's zod schemas produce. */
export interface JsonSchema {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  format?: string
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema | JsonSchema[]
  prefixItems?: JsonSchema[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
}

export type Components = Record<string, JsonSchema>

/**
 * Values no real form sends, each of which once reached the database as a 500 or was stored
 * as garbage (#18): NUL, lone surrogates, int4 overflow, 1e308, dates in year 1 and 9999.
 */
export const hostileStrings = [
  '',
  ' ',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '0001-01-01',
  '9999-12-31',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1e308',
  'NaN',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '重大危险源'.repeat(2000),
]
export const hostileNumbers = [
  -1,
  0,
  0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  1e308,
  -1e308,
  Number.MIN_VALUE,
]

const uuid = fc.uuid()

/**
 * What the generator knows of the database: real ids, and a good value for fields by name
 * (a location inside the writer's county, a valid USCC) so that "clean" bodies get past the
 * edge into the domain rules and the database.
 */
export interface Known {
  uuids: readonly string[]
  good: Record<string, () => unknown>
}

/**
 * A body for a schema: half the time clean (right types, bounds and enum values, good values
 * by field name), half the time dirty (hostile values, wrong types, a field missing or extra).
 */
export function bodyOf(schema: JsonSchema, components: Components, known: Known) {
  return fc.oneof(
    arbitraryOf(schema, components, known, 0, true),
    arbitraryOf(schema, components, known, 0, false),
  )
}

/** An arbitrary for one schema: clean, or mostly shaped like it, often hostile, sometimes wrong. */
export function arbitraryOf(
  schema: JsonSchema,
  components: Components,
  known: Known,
  depth = 0,
  clean = false,
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = components[schema.$ref.split('/').pop()!]
    return target ? arbitraryOf(target, components, known, depth, clean) : fc.anything()
  }
  const variants = schema.anyOf ?? schema.oneOf
  if (variants) {
    return fc.oneof(...variants.map((v) => arbitraryOf(v, components, known, depth, clean)))
  }
  if (schema.allOf?.length) return arbitraryOf(schema.allOf[0]!, components, known, depth, clean)
  if (schema.enum && clean) return fc.constantFrom(...schema.enum)
  if (schema.enum) {
    return fc.oneof(fc.constantFrom(...schema.enum), fc.constantFrom(...hostileStrings))
  }
  if (schema.const !== undefined) return fc.constant(schema.const)
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  const wrong = fc.oneof(fc.constant(null), fc.boolean(), fc.constant({}), fc.constant([]))
  const shaped: fc.Arbitrary<unknown>[] = []
  for (const type of types) {
    if (type === 'null') shaped.push(fc.constant(null))
    if (type === 'boolean') shaped.push(fc.boolean())
    if (type === 'integer' || type === 'number') {
      const min = schema.minimum ?? -1000
      const max = schema.maximum ?? 1_000_000
      shaped.push(
        type === 'integer'
          ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) })
          : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      )
      if (!clean) shaped.push(fc.constantFrom(...hostileNumbers))
    }
    if (type === 'string') shaped.push(stringOf(schema, known, clean))
    if (type === 'array') shaped.push(arrayOf(schema, components, known, depth, clean))
    if (type === 'object') shaped.push(objectOf(schema, components, known, depth, clean))
  }
  if (shaped.length === 0) return clean ? fc.string() : fc.oneof(fc.string(), fc.integer(), wrong)
  if (clean) return fc.oneof(...shaped)
  return fc.oneof({ arbitrary: fc.oneof(...shaped), weight: 8 }, { arbitrary: wrong, weight: 1 })
}

function stringOf(schema: JsonSchema, known: Known, clean: boolean) {
  const plain = fc.string({
    minLength: clean ? Math.max(1, schema.minLength ?? 1) : 0,
    maxLength: Math.min(schema.maxLength ?? 40, 40),
  })
  if (clean) {
    if (schema.format === 'uuid') return fc.constantFrom(...known.uuids)
    if (schema.format === 'date-time')
      return fc.constant(new Date(Date.now() - 60_000).toISOString())
    return fc.oneof(plain, fc.constantFrom('测试', '重大危险源核查', '西安市雁塔区'))
  }
  const hostile = fc.constantFrom(...hostileStrings)
  if (schema.format === 'uuid') {
    return fc.oneof(fc.constantFrom(...known.uuids), uuid, hostile)
  }
  if (schema.format === 'date-time') {
    const iso = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString())
    return fc.oneof(iso, fc.constant(new Date(Date.now() - 60_000).toISOString()), hostile)
  }
  if (schema.format === 'date') {
    const day = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
    return fc.oneof(day, hostile)
  }
  return fc.oneof({ arbitrary: plain, weight: 3 }, { arbitrary: hostile, weight: 2 })
}

function arrayOf(
  schema: JsonSchema,
  components: Components,
  known: Known,
  depth: number,
  clean: boolean,
) {
  if (schema.prefixItems) {
    // A tuple ([lng, lat]): right length with wrong values, or a wrong length.
    const parts = schema.prefixItems.map((p) => arbitraryOf(p, components, known, depth + 1, clean))
    return clean
      ? fc.tuple(...parts)
      : fc.oneof(fc.tuple(...parts), fc.array(fc.double(), { maxLength: 4 }))
  }
  const item = Array.isArray(schema.items) ? schema.items[0] : schema.items
  if (!item || depth > 3) return fc.constant([])
  return fc.array(arbitraryOf(item, components, known, depth + 1, clean), {
    minLength: clean ? Math.min(schema.minItems ?? 0, 3) : 0,
    maxLength: 3,
  })
}

function objectOf(
  schema: JsonSchema,
  components: Components,
  known: Known,
  depth: number,
  clean: boolean,
) {
  if (depth > 4) return fc.constant({})
  const properties = schema.properties ?? {}
  const required = new Set(schema.required ?? [])
  const keys = Object.keys(properties)
  const valueOf = (k: string) => {
    const generated = arbitraryOf(properties[k]!, components, known, depth + 1, clean)
    const good = known.good[k]
    if (!good) return generated
    const goodValue = fc.constant(null).map(() => good())
    return clean
      ? fc.oneof({ arbitrary: goodValue, weight: 4 }, { arbitrary: generated, weight: 1 })
      : generated
  }
  const record = fc.record(Object.fromEntries(keys.map((k) => [k, valueOf(k)])), {
    requiredKeys: keys.filter((k) => required.has(k)),
  })
  // Mostly complete bodies, so the fuzz reaches the domain rules and the database; one in
  // ten loses a required field, one in eight gains an unknown one.
  if (clean) return record
  return fc.tuple(record, fc.nat({ max: 9 }), fc.nat({ max: 7 })).map(([r, drop, extra]) => {
    const out: Record<string, unknown> = { ...r }
    const requiredKeys = [...required]
    if (drop === 0 && requiredKeys.length > 0) delete out[requiredKeys[0]!]
    if (extra === 0) out['unexpectedField'] = 'x'
    return out
  })
}
