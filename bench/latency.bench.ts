import { pathToFileURL } from 'node:url'
import { runLoad, workersFor, type LoadPlan } from './lib/generator.ts'
import { median, printResults, round } from './lib/metrics.ts'
import { selectedServers, startServer, type RunningServer, type ServerName } from './lib/servers.ts'

// Propagation latency on one document: N stock y-websocket clients, 5 writers each inserting
// ~25 bytes 10 times a second, every client a reader (the writers and up to 20 readers per generator
// process are stock providers, the rest hand-written readers without a Y.Doc). Run against the reference
// @y/websocket-server, Samskriv and the relay floor, one after another on the same machine.
// Writing starts with an unmeasured warm-up (BENCH_WARMUP_MS, default 2000; the same for every
// server): the first second after 500 clients connected is slow for every server and the generator
// alike, and a running service is past it. `p99_per_s_ms` shows the measured seconds one by one.
// BENCH_CLIENTS (default 10,100,500), BENCH_DURATION_MS (default 8000). BENCH_ROUNDS (default 1)
// repeats each client count, the servers taking turns within a round, and adds the medians: one
// run's p99 at 500 clients swings by a third, so a comparison wants several.

export const WRITERS = 5
export const WRITES_PER_SECOND = 10
/** Stock readers per generator process; the others are hand-written readers (see RawReader). */
const STOCK_READERS = 20

/** One document, `clients` clients of whom 5 type 10 times a second: the latency and storm scenarios' load. */
export async function typingLoad(server: RunningServer, clients: number, durationMs: number): Promise<LoadPlan> {
  return {
    rooms: await server.newRooms(1),
    clientsPerRoom: clients,
    writersPerRoom: WRITERS,
    rate: WRITES_PER_SECOND,
    durationMs,
    workers: workersFor(clients),
    stockReaders: STOCK_READERS,
  }
}

export function benchLatency(servers: ServerName[] = selectedServers()): Promise<Array<Record<string, unknown>>> {
  return latencyRounds({ scenario: 'latency', clientCounts: numbers(process.env.BENCH_CLIENTS ?? '10,100,500'), servers })
}

/** Client counts from a comma-separated list. */
export function numbers(list: string): number[] {
  return list
    .split(',')
    .map((value) => Number.parseInt(value.trim(), 10))
    .filter((value) => value > 1)
}

/**
 * The typing load at each client count against each server, BENCH_ROUNDS times with the servers
 * taking turns, then Samskriv's p99 ratios. `presence` as in LoadPlan.
 */
export async function latencyRounds(options: {
  scenario: string
  clientCounts: number[]
  servers: ServerName[]
  presence?: LoadPlan['presence']
}): Promise<Array<Record<string, unknown>>> {
  const { scenario } = options
  const durationMs = Number(process.env.BENCH_DURATION_MS ?? 8_000)
  const warmupMs = Number(process.env.BENCH_WARMUP_MS ?? 2_000)
  const rounds = Math.max(1, Number.parseInt(process.env.BENCH_ROUNDS ?? '1', 10) || 1)
  const results: Array<Record<string, unknown>> = []
  const servers: RunningServer[] = []
  try {
    for (const name of options.servers) servers.push(await startServer(name))
    for (const clients of options.clientCounts) {
      /** p99 per server, one entry per round. */
      const p99: Record<string, number[]> = {}
      for (let turn = 1; turn <= rounds; turn++) {
        for (const server of servers) {
          const plan = { ...(await typingLoad(server, clients, durationMs)), warmupMs, timeline: true, ...(options.presence ? { presence: options.presence } : {}) }
          const figures = await runLoad(server, plan)
          ;(p99[server.name] ??= []).push(figures.p99_ms as number)
          const label = rounds > 1 ? `, round ${turn}/${rounds}` : ''
          results.push({ name: `${scenario} ${server.name}, ${clients} clients, ${WRITERS} writers × ${WRITES_PER_SECOND}/s${label}`, ...figures })
        }
      }
      if (p99.samskriv) results.push(ratios(scenario, clients, p99, rounds))
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
  }
  return results
}

/** Samskriv's p99 against the reference's and the relay floor's: per round and the medians. */
function ratios(scenario: string, clients: number, p99: Record<string, number[]>, rounds: number): Record<string, unknown> {
  const ours = p99.samskriv ?? []
  const versus = (other: string) => ours.map((value, i) => round(value / (p99[other]?.[i] ?? NaN), 2))
  const medians = Object.fromEntries(Object.entries(p99).map(([name, values]) => [`${name}_p99_median_ms`, round(median(values), 2)]))
  const perRound = versus('y-websocket-server')
  return {
    name: `${scenario} p99 ratios, ${clients} clients${rounds > 1 ? `, ${rounds} rounds` : ''}`,
    clients,
    samskriv_vs_reference: round(median(perRound), 2),
    // Only where the relay ran (the presence scenario leaves it out).
    ...(p99.relay ? { samskriv_vs_relay_floor: round(median(versus('relay')), 2) } : {}),
    ...(rounds > 1 ? { samskriv_vs_reference_per_round: perRound, ...medians } : {}),
    ...(p99.relay
      ? { reference_vs_relay_floor: round(median((p99['y-websocket-server'] ?? []).map((value, i) => value / (p99.relay?.[i] ?? NaN))), 2) }
      : {}),
  }
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) printResults(await benchLatency())
