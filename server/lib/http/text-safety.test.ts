import { describe, expect, it } from 'vitest'
import { isUnsafeText, unsafeTextFields } from './text-safety.ts'

describe('text safety', () => {
  it('refuses NUL and unpaired surrogates, keeps paired ones and ordinary text', () => {
    expect(isUnsafeText('a\u0000b')).toBe(true)
    expect(isUnsafeText('\ud800')).toBe(true)
    expect(isUnsafeText('x\udc00')).toBe(true)
    expect(isUnsafeText('\udc00\ud800')).toBe(true)
    expect(isUnsafeText('𠮷 (\ud842\udfb7) 重大危险源 \t\n')).toBe(false)
  })

  it('names each field at fault by its path, keys included', () => {
    const fields = unsafeTextFields({
      name: 'ok',
      substances: [{ name: 'ok' }, { name: 'b\u0000' }],
      ['k\ud800']: 1,
      note: '\ud800',
    }).map((e) => e.field)
    expect(fields).toEqual(['substances.1.name', 'k\ud800', 'note'])
  })
})
