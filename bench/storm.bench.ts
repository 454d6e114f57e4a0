import { pathToFileURL } from 'node:url'
import { typingLoad, WRITERS, WRITES_PER_SECOND } from './latency.bench.ts'
import { runLoad } from './lib/generator.ts'
import { printResults, round } from './lib/metrics.ts'
import { selectedServers, startServer, type RunningServer } from './lib/servers.ts'

// Reconnect storm on one document: BENCH_STORM_CLIENTS (default 500) clients connect at the same
// moment (every generator process on one signal, no pacing), so their presence renewals (every
// 15 s from construction: the RawReaders' interval, the stock providers' 3 s check of a 15 s-old
// state) fall in the same second. Then 5 writers × 10/s as in the latency scenario, for
// BENCH_STORM_DURATION_MS (default 20 000) from the moment everyone is synced: the window holds
// the first renewal. Figures: connect_ms (signal → every client synced), document latency over the
// window, the presence received in it (awareness_states ≈ clients² when the renewal fell inside),
// and the latency of the updates sent in the 2 s around the middle of that renewal (burst_*).


export async function benchStorm(): Promise<Array<Record<string, unknown>>> {
  const clients = Number.parseInt(process.env.BENCH_STORM_CLIENTS ?? '500', 10)
  const durationMs = Number(process.env.BENCH_STORM_DURATION_MS ?? 20_000)
  const results: Array<Record<string, unknown>> = []
  const servers: RunningServer[] = []
  try {
    for (const name of selectedServers()) servers.push(await startServer(name))
    const p99: Record<string, number> = {}
    const burstP99: Record<string, number> = {}
    for (const server of servers) {
      const figures = await runLoad(server, { ...(await typingLoad(server, clients, durationMs)), connectAtOnce: true, timeline: true })
      p99[server.name] = figures.p99_ms as number
      burstP99[server.name] = figures.burst_p99_ms as number
      // Every client's renewal reaches every other client (some servers echo it to its author):
      // fewer presence states than clients × (clients − 1) means the renewal missed the window.
      const renewal = clients * (clients - 1)
      const seen = figures.awareness_states as number
      results.push({
        name: `storm ${server.name}, ${clients} clients at once, ${WRITERS} writers × ${WRITES_PER_SECOND}/s, ${durationMs / 1000} s`,
        ...figures,
        renewals_in_window: round(seen / renewal, 2),
      })
      if (seen < renewal) console.warn(`storm ${server.name}: ${seen} presence states in the window, a renewal is ${renewal}: did it fall outside?`)
    }
    const ours = p99.samskriv
    if (ours !== undefined) {
      const ratio = (a: number | undefined, b: number | undefined) => round((a ?? NaN) / (b ?? NaN), 2)
      results.push({
        name: `storm p99 ratios, ${clients} clients`,
        clients,
        samskriv_vs_reference: ratio(ours, p99['y-websocket-server']),
        samskriv_vs_relay_floor: ratio(ours, p99.relay),
        reference_vs_relay_floor: ratio(p99['y-websocket-server'], p99.relay),
        burst_samskriv_vs_reference: ratio(burstP99.samskriv, burstP99['y-websocket-server']),
        burst_samskriv_vs_relay_floor: ratio(burstP99.samskriv, burstP99.relay),
      })
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
  }
  return results
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) printResults(await benchStorm())
