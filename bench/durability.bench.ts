import { pathToFileURL } from 'node:url'
import { runLoad } from './lib/generator.ts'
import { printResults, round } from './lib/metrics.ts'
import { selectedServers, startServer, type RunningServer } from './lib/servers.ts'

// What durability costs in throughput. Samskriv appends every update to SQLite
// (synchronous=FULL, WAL) before it broadcasts it; the reference persists nothing and the relay
// has no state at all. One document, 10 clients, 5 writers, two loads:
// - offered: every writer at BENCH_DURABILITY_RATE updates/s (default 40, 200/s in all): do all
//   servers keep up, and what server CPU does each spend per update;
// - saturated: each writer keeps 16 updates in flight and sends the next as soon as a reader has
//   one (closed loop), so updates/s is what the server sustains.
// Samskriv's per-connection message limit (300/s by default) is raised for this scenario only:
// it would otherwise close a writer that is faster than any typist.

const CLIENTS = 10
const WRITERS = 5

export async function benchDurability(): Promise<Array<Record<string, unknown>>> {
  const durationMs = Number(process.env.BENCH_DURATION_MS ?? 8_000)
  const rate = Number(process.env.BENCH_DURABILITY_RATE ?? 40)
  const results: Array<Record<string, unknown>> = []
  const servers: RunningServer[] = []
  try {
    for (const name of selectedServers()) servers.push(await startServer(name, { env: { MAX_MESSAGES_PER_SECOND: '100000' } }))
    for (const load of [rate, 'saturate'] as const) {
      const byServer: Record<string, Record<string, unknown>> = {}
      for (const server of servers) {
        const figures = await runLoad(server, {
          rooms: await server.newRooms(1),
          clientsPerRoom: CLIENTS,
          writersPerRoom: WRITERS,
          rate: load,
          window: 16,
          durationMs,
          workers: 2,
        })
        const cpuMsPerUpdate = round((1000 * (figures.server_cpu_s as number)) / ((figures.updates_per_s as number) * (durationMs / 1000)), 3)
        byServer[server.name] = { ...figures, server_cpu_ms_per_update: cpuMsPerUpdate }
        const label = load === 'saturate' ? 'saturated (16 in flight per writer)' : `offered ${WRITERS} × ${load}/s`
        results.push({ name: `durability ${server.name}, ${CLIENTS} clients, ${label}`, load: String(load), ...byServer[server.name] })
      }
      const ours = byServer.samskriv
      const theirs = byServer['y-websocket-server']
      if (ours && theirs) {
        const perSecond = (figures: Record<string, unknown>) => figures.updates_per_s as number
        const cpu = (figures: Record<string, unknown>) => figures.server_cpu_ms_per_update as number
        results.push({
          name: `durability cost samskriv vs y-websocket-server, ${load === 'saturate' ? 'saturated' : 'offered load'}`,
          load: String(load),
          throughput_diff_pct: round((100 * (perSecond(ours) - perSecond(theirs))) / perSecond(theirs)),
          cpu_per_update_diff_pct: round((100 * (cpu(ours) - cpu(theirs))) / cpu(theirs)),
          p99_ratio: round((ours.p99_ms as number) / (theirs.p99_ms as number), 2),
        })
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
  }
  return results
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) printResults(await benchDurability())
