import { benchChecks } from './checks.bench.ts'
import { benchGuard } from './guard.bench.ts'
import { benchLatency } from './latency.bench.ts'

// `pnpm bench`: every scenario prints one table row and one JSON line (for machines to read).
const results: Array<Record<string, unknown>> = []
results.push(await benchGuard())
results.push(await benchChecks())
results.push(...(await benchLatency()))

console.log('\nscenario | figures')
console.log('---|---')
for (const result of results) {
  const { name, ...figures } = result
  console.log(`${String(name)} | ${Object.entries(figures).map(([k, v]) => `${k}=${String(v)}`).join(' ')}`)
}
for (const result of results) console.log(JSON.stringify(result))
