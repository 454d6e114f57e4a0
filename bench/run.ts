import { benchChecks } from './checks.bench.ts'
import { benchColdLoad } from './coldload.bench.ts'
import { benchDurability } from './durability.bench.ts'
import { benchGuard } from './guard.bench.ts'
import { benchLatency } from './latency.bench.ts'
import { loadAverage, printResults } from './lib/metrics.ts'
import { benchManyDocs } from './manydocs.bench.ts'
import { benchMemory } from './memory.bench.ts'
import { pinned } from './lib/pinning.ts'
import { benchPresence } from './presence.bench.ts'
import { benchScaleout } from './scaleout.bench.ts'
import { benchStorm } from './storm.bench.ts'

// `pnpm bench`: every scenario prints one table row and one JSON line (for machines to read).
// BENCH_ONLY=latency,memory runs only those scenarios; BENCH_SERVERS=samskriv,relay narrows the
// servers of the load scenarios. `relay` alone runs the latency scenario against the floor only.
type Scenario = () => Promise<Record<string, unknown> | Array<Record<string, unknown>>>
const scenarios: Record<string, Scenario> = {
  guard: benchGuard,
  checks: benchChecks,
  latency: benchLatency,
  presence: benchPresence,
  storm: benchStorm,
  relay: () => benchLatency(['relay']),
  durability: benchDurability,
  manydocs: benchManyDocs,
  memory: benchMemory,
  coldload: benchColdLoad,
  scaleout: benchScaleout,
}
const defaults = Object.keys(scenarios).filter((name) => name !== 'relay') // latency runs the relay too
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean) ?? defaults
const unknown = only.filter((name) => !(name in scenarios))
if (unknown.length > 0) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${Object.keys(scenarios).join(', ')}`)

const results: Array<Record<string, unknown>> = []
const started = Date.now()
console.log(`load average before: ${loadAverage()}; ${pinned ? 'servers on CPU 0, generator on CPU 1 (BENCH_PIN=0 to turn off)' : 'no CPU pinning'}`)
const failed: string[] = []
for (const name of only) {
  try {
    const figures = [await scenarios[name]!()].flat()
    // Each scenario's JSON lines as soon as it ends: a long run that fails later keeps them.
    for (const result of figures) console.log(JSON.stringify(result))
    results.push(...figures)
  } catch (error) {
    failed.push(name)
    console.error(`scenario ${name} failed:`, error)
  }
}
console.log(`load average after: ${loadAverage()}; ${Math.round((Date.now() - started) / 1000)} s in all`)

console.log('\nscenario | figures')
console.log('---|---')
printResults(results, { json: false })
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`)
  process.exitCode = 1
}
