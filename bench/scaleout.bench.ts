import { execFileSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { runLoad, workersFor } from './lib/generator.ts'
import { printResults, round } from './lib/metrics.ts'
import { startSamskriv, type RunningServer, type SamskrivServer } from './lib/servers.ts'

// Scale-out: one document, its clients split in two halves, 5 writers × 10/s all in the first
// half; the second half only reads. On 1 instance both halves connect to it; on 2 instances
// (one PostgreSQL, Redis fan-out) the first half is on A and the second on B, so every latency
// the second half measures is writer on A → PostgreSQL → Redis → B → reader. Both setups use
// the same fresh PostgreSQL database kind, so the difference is the fan-out.
// Needs DATABASE_URL and REDIS_URL (as CI sets them). BENCH_SCALEOUT_CLIENTS (clients per
// document, default 100,400), BENCH_DURATION_MS (default 8000).

const WRITERS = 5
const WRITES_PER_SECOND = 10

function psql(url: string, sql: string): void {
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: ['ignore', 'ignore', 'pipe'] })
}

/** Another instance's socket for the same rooms, tokens and database (its own process's CPU). */
function sameRoomsOn(instance: SamskrivServer): RunningServer {
  return { ...instance, newRooms: () => Promise.reject(new Error('rooms come from the first instance')) }
}

async function runSplit(instances: SamskrivServer[], clients: number, durationMs: number): Promise<Record<string, unknown>> {
  const first = instances[0]!
  const second = instances[1] ?? first
  const rooms = await first.newRooms(1)
  const half = Math.floor(clients / 2)
  const workers = Math.max(1, workersFor(clients) / 2)
  const plan = { rooms, rate: WRITES_PER_SECOND, durationMs, workers }
  // Both halves run at once; only the first half writes.
  const [writing, reading] = await Promise.all([
    runLoad(first, { ...plan, clientsPerRoom: clients - half, writersPerRoom: WRITERS }),
    runLoad(sameRoomsOn(second), { ...plan, clientsPerRoom: half, writersPerRoom: 0 }),
  ])
  const updatesPerSecond = writing.updates_per_s as number
  return {
    instances: instances.length,
    clients_per_document: clients,
    writers: WRITERS,
    // The second half's view: across instances when there are two.
    p50_ms: reading.p50_ms,
    p95_ms: reading.p95_ms,
    p99_ms: reading.p99_ms,
    max_ms: reading.max_ms,
    delivered_pct: round((100 * (reading.deliveries_per_s as number)) / (updatesPerSecond * half), 2),
    same_half_p50_ms: writing.p50_ms,
    same_half_p99_ms: writing.p99_ms,
    updates_per_s: updatesPerSecond,
    ...(instances.length === 1
      ? { server_cpu_pct: writing.server_cpu_pct }
      : { instance_a_cpu_pct: writing.server_cpu_pct, instance_b_cpu_pct: reading.server_cpu_pct }),
  }
}

export async function benchScaleout(): Promise<Array<Record<string, unknown>>> {
  const databaseUrl = process.env.DATABASE_URL
  const redisUrl = process.env.REDIS_URL
  if (!databaseUrl || !redisUrl) {
    return [{ name: 'scaleout', skipped: 'needs DATABASE_URL and REDIS_URL (PostgreSQL and Redis), as .ci/run sets them' }]
  }
  const clientCounts = (process.env.BENCH_SCALEOUT_CLIENTS ?? '100,400')
    .split(',')
    .map((value) => Number.parseInt(value.trim(), 10))
    .filter((value) => value > 3)
  const durationMs = Number(process.env.BENCH_DURATION_MS ?? 8_000)
  const results: Array<Record<string, unknown>> = []
  for (const count of [1, 2]) {
    const name = `samskriv_bench_scaleout_${process.pid}_${count}`
    psql(databaseUrl, `CREATE DATABASE ${name}`)
    const url = new URL(databaseUrl)
    url.pathname = `/${name}`
    // Fan-out only where there is something to fan out to.
    const env = { DATABASE_URL: url.toString(), REDIS_URL: count > 1 ? redisUrl : '' }
    const instances: SamskrivServer[] = []
    try {
      for (let i = 0; i < count; i++) instances.push(await startSamskriv({ env }))
      for (const clients of clientCounts) {
        const figures = await runSplit(instances, clients, durationMs)
        results.push({ name: `scaleout ${count} instance${count > 1 ? 's' : ''}, ${clients} clients per document, ${WRITERS} writers × ${WRITES_PER_SECOND}/s`, ...figures })
      }
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()))
      psql(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    }
  }
  return results
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) printResults(await benchScaleout())
