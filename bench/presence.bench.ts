import { pathToFileURL } from 'node:url'
import { latencyRounds, numbers } from './latency.bench.ts'
import { printResults } from './lib/metrics.ts'
import { selectedServers } from './lib/servers.ts'

// Propagation latency with steady presence: the latency scenario's load (one document, 5 writers ×
// 10/s, every client a reader), but every client is present from its connection on and renews its
// presence at a moment of its own in each 15 s, as in a room whose clients joined at different
// times (LoadPlan.presence 'steady'): about clients / 15 renewals a second, each for every other
// client. This is the running room the peers' figures in /work/shared/BENCHMARKS.md describe; the
// latency scenario's window holds no presence at all (its clients first show up 15 s after they
// were built). The relay is left out: the stock provider re-sends every presence update it
// applies, the relay forwards those echoes, and it is no floor here (see README, Method).
// BENCH_PRESENCE_CLIENTS (default 500); BENCH_DURATION_MS, BENCH_WARMUP_MS and BENCH_ROUNDS as in
// the latency scenario.

export function benchPresence(): Promise<Array<Record<string, unknown>>> {
  return latencyRounds({
    scenario: 'presence',
    clientCounts: numbers(process.env.BENCH_PRESENCE_CLIENTS ?? '500'),
    servers: selectedServers().filter((name) => name !== 'relay'),
    presence: 'steady',
  })
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) printResults(await benchPresence())
