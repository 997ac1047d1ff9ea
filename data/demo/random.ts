/**
 * A small seeded PRNG for the demo data: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator), seeded through a string hash so each table draws from its own stream. The same
 * seed and stream name always give the same sequence; nothing here reads Math.random or the
 * clock, so the demo rows are reproducible byte for byte.
 */

/** 32-bit string hash (cyrb-style), used to turn `${seed}:${stream}` into four seed words. */
function hashWords(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0]
}

const HEX = '0123456789abcdef'

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number, stream = '') {
    ;[this.a, this.b, this.c, this.d] = hashWords(`${seed}:${stream}`)
    for (let i = 0; i < 15; i++) this.nextUint32()
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next()
  }

  /** Whole number in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** Log-uniform in [min, max): small values as likely per decade as large ones. */
  logRange(min: number, max: number): number {
    return Math.exp(this.range(Math.log(min), Math.log(max)))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** Standard normal deviate (Box–Muller). */
  gaussian(): number {
    const u = 1 - this.next()
    const v = this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** An RFC 4122 version-4 UUID whose 122 random bits come from this stream. */
  uuid(): string {
    let out = ''
    for (let w = 0; w < 4; w++) {
      let word = this.nextUint32()
      if (w === 1) word = (word & 0xffff0fff) | 0x00004000 // version 4
      if (w === 2) word = ((word & 0x3fffffff) | 0x80000000) >>> 0 // variant 10xx
      for (let i = 7; i >= 0; i--) out += HEX[(word >>> (i * 4)) & 15]
    }
    return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`
  }
}

/** Weighted choice over a fixed list: O(log n) per draw after an O(n) build. */
export class WeightedTable<T> {
  private readonly cumulative: number[] = []
  private readonly items: T[] = []
  private total = 0

  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [item, weight] of entries) {
      if (!(weight > 0)) continue
      this.total += weight
      this.items.push(item)
      this.cumulative.push(this.total)
    }
    if (this.items.length === 0) throw new Error('weighted table with no positive weight')
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.cumulative[mid] as number) > x) hi = mid
      else lo = mid + 1
    }
    return this.items[lo] as T
  }
}
