import { readFileSync } from 'node:fs'
import { relative } from 'node:path'

/**
 * The top frames of a `node --cpu-prof` profile, by self time and by total (inclusive) time,
 * plus self time summed per package/folder, so a bench run's profile reads as a table:
 *
 *   node --cpu-prof --cpu-prof-dir=.tmp/prof --import tsx bench/run.ts --only hazard-source
 *   npx tsx bench/tools/cpu-profile-top.ts .tmp/prof/CPU.*.cpuprofile [top]
 */
interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}
interface Profile {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

const [file, topArg] = process.argv.slice(2)
if (!file) throw new Error('usage: cpu-profile-top.ts <file.cpuprofile> [top]')
const top = Number(topArg ?? 25)
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile

const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)

// Microseconds attributed to each node from the sample stream.
const selfUs = new Map<number, number>()
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
})
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0)

const where = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '')
  const short = url.includes('node_modules/')
    ? url.slice(url.lastIndexOf('node_modules/') + 13)
    : url
      ? relative(process.cwd(), url)
      : ''
  return `${n.callFrame.functionName || '(anonymous)'} ${short}${short ? ':' + (n.callFrame.lineNumber + 1) : ''}`
}
const area = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '')
  if (!url) return n.callFrame.functionName // (garbage collector), (program), (idle)
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0]
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/')
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  return relative(process.cwd(), url).split('/').slice(0, 3).join('/')
}

const self = new Map<string, number>()
const total = new Map<string, number>()
const areas = new Map<string, number>()
for (const [id, us] of selfUs) {
  const n = byId.get(id)!
  self.set(where(n), (self.get(where(n)) ?? 0) + us)
  areas.set(area(n), (areas.get(area(n)) ?? 0) + us)
  // Inclusive: every distinct frame on the stack gets the sample once.
  const seen = new Set<string>()
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const key = where(byId.get(cur)!)
    if (seen.has(key)) continue
    seen.add(key)
    total.set(key, (total.get(key) ?? 0) + us)
  }
}

const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`)
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${pct(us)} ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`)
  }
}
console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled`)
print('self time by package / folder', areas)
print('self time by function', self)
print('total (inclusive) time by function', total)
