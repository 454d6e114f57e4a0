import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { cpuSeconds, peakRssMb, percentile, resetPeakRss, round, sleep } from './metrics.ts'
import type { BenchRoom, RunningServer } from './servers.ts'

// The load generator: stock y-websocket providers (Node, `ws`, `disableBc`) in forked processes,
// so the generator does not share one event loop. Writers insert `t<send time>w<writer>;`
// (~25 bytes) into their own paragraph of a section; every client is a reader. Latency = apply at
// a reader − send time, over every (update, reader) pair, on one machine clock.
//
// Two ways to write: at a fixed rate (open loop), or saturated (closed loop: each writer keeps
// `window` updates in flight, and sends the next when a reader in its own process has received one).

const CONNECT_TIMEOUT_MS = 60_000
const generatorPath = fileURLToPath(import.meta.url)

interface WorkerRoom extends BenchRoom {
  clients: number
  /** Global writer numbers of this room's writers in this process (the first clients write). */
  writers: number[]
}
interface Assignment {
  url: string
  rooms: WorkerRoom[]
  /** Updates per second per writer, or 'saturate'. */
  rate: number | 'saturate'
  window: number
  writerCount: number
}
type ToWorker = Assignment | { type: 'prepare' } | { type: 'start' } | { type: 'stop' } | { type: 'report' } | { type: 'exit' }
type FromWorker =
  | { type: 'ready'; connected: number }
  | { type: 'prepared' }
  | { type: 'failed'; message: string }
  | { type: 'report'; latencies: number[]; sentByRoom: Record<string, number>; received: number }

const now = () => performance.timeOrigin + performance.now()

// ---------------------------------------------------------------- worker: the clients

async function runWorker(): Promise<void> {
  const send = (message: FromWorker) => process.send?.(message)
  process.setMaxListeners(0) // every stock provider adds an exit listener
  process.on('disconnect', () => process.exit(0)) // never outlive the parent
  const lifetime = setTimeout(() => process.exit(1), 300_000)
  lifetime.unref()

  const assignment = await new Promise<Assignment>((resolveAssignment) =>
    process.once('message', (message) => resolveAssignment(message as Assignment)),
  )
  const saturate = assignment.rate === 'saturate'
  const providers: WebsocketProvider[] = []
  const latencies: number[] = []
  const sentByRoom: Record<string, number> = {}
  let received = 0
  let measuring = false
  let writing = false
  const pattern = /t(\d+\.\d+)w(\d+);/g
  /** Writers of this process by global number, for the closed loop. */
  const writers = new Map<number, { text: Y.XmlText; room: string; inFlight: number }>()
  const write = (number: number) => {
    const writer = writers.get(number)!
    writer.text.insert(writer.text.length, `t${now().toFixed(3)}w${number};`)
    writer.inFlight++
    sentByRoom[writer.room] = (sentByRoom[writer.room] ?? 0) + 1
  }

  for (const room of assignment.rooms) {
    for (let i = 0; i < room.clients; i++) {
      const doc = new Y.Doc()
      // The first reader of a room in this process acknowledges this process's writers.
      const acknowledges = i === room.writers.length
      doc.getXmlFragment(room.fragment).observeDeep((events, transaction) => {
        if (transaction.local) return
        const at = now()
        for (const event of events) {
          if (!(event.target instanceof Y.XmlText)) continue
          for (const op of event.delta) {
            if (typeof op.insert !== 'string') continue
            for (const match of op.insert.matchAll(pattern)) {
              if (!measuring) continue
              received++
              latencies.push(at - Number(match[1]))
              if (!acknowledges) continue
              const writer = writers.get(Number(match[2]))
              if (!writer) continue
              writer.inFlight--
              if (saturate && writing) write(Number(match[2]))
            }
          }
        }
      })
      providers.push(
        new WebsocketProvider(assignment.url, room.room, doc, {
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
          params: room.params,
        }),
      )
      // Connect in small batches, as a reconnect storm is another scenario.
      if (providers.length % 25 === 0) await sleep(25)
    }
  }

  const deadline = Date.now() + CONNECT_TIMEOUT_MS
  while (providers.some((p) => !p.synced) && Date.now() < deadline) await sleep(50)
  const connected = providers.filter((p) => p.synced).length
  if (connected < providers.length) {
    send({ type: 'failed', message: `${connected}/${providers.length} clients synced within ${CONNECT_TIMEOUT_MS} ms` })
    return
  }
  send({ type: 'ready', connected })

  const timers: NodeJS.Timeout[] = []
  process.on('message', (raw) => {
    const message = raw as ToWorker
    if (!('type' in message)) return
    if (message.type === 'prepare') {
      // Only once every process is connected: the relay keeps no state for late joiners.
      // Each writer owns one paragraph in the section.
      let index = 0
      for (const room of assignment.rooms) {
        room.writers.forEach((number, w) => {
          const doc = providers[index + w]!.doc
          const fragment = doc.getXmlFragment(room.fragment)
          const paragraph = new Y.XmlElement('paragraph')
          const text = new Y.XmlText()
          paragraph.insert(0, [text])
          doc.transact(() => fragment.insert(fragment.length, [paragraph]))
          writers.set(number, { text, room: room.room, inFlight: 0 })
        })
        index += room.clients
      }
      send({ type: 'prepared' })
    } else if (message.type === 'start') {
      measuring = true
      writing = true
      for (const number of writers.keys()) {
        if (saturate) {
          for (let i = 0; i < assignment.window; i++) write(number)
          continue
        }
        // Spread the writers evenly over one period, so the offered load is smooth. A timer that
        // fires late (a busy machine) catches up, so the offered load is the same for every server.
        const period = 1000 / (assignment.rate as number)
        const first = now() + (number / assignment.writerCount) * period
        let written = 0
        const catchUp = () => {
          const due = Math.floor((now() - first) / period) + 1
          for (; written < due && writing; written++) write(number)
        }
        timers.push(setTimeout(() => {
          catchUp()
          timers.push(setInterval(catchUp, period))
        }, first - now()))
      }
    } else if (message.type === 'stop') {
      writing = false
      for (const timer of timers) clearTimeout(timer)
    } else if (message.type === 'report') {
      measuring = false
      send({ type: 'report', latencies, sentByRoom, received })
    } else if (message.type === 'exit') {
      for (const provider of providers) provider.destroy()
      setTimeout(() => process.exit(0), 200)
    }
  })
}

// ---------------------------------------------------------------- parent: one load run

function waitForMessage<T extends FromWorker['type']>(worker: ChildProcess, type: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolveMessage, reject) => {
    const timer = setTimeout(() => {
      worker.off('message', onMessage)
      reject(new Error(`generator sent no ${type} within ${timeoutMs} ms`))
    }, timeoutMs)
    const onMessage = (raw: unknown) => {
      const message = raw as FromWorker
      if (message.type === 'failed' || message.type === type) {
        clearTimeout(timer)
        worker.off('message', onMessage)
        if (message.type === 'failed') reject(new Error(message.message))
        else resolveMessage(message as Extract<FromWorker, { type: T }>)
      }
    }
    worker.on('message', onMessage)
  })
}

export interface LoadPlan {
  rooms: BenchRoom[]
  clientsPerRoom: number
  writersPerRoom: number
  rate: number | 'saturate'
  /** Updates in flight per writer when saturating. */
  window?: number
  durationMs: number
  graceMs?: number
  /** Generator processes; rooms are split over them (a single room's clients too). */
  workers: number
}

/** Default generator processes for a number of clients: 2, or 4 from 300 clients up. */
export const workersFor = (clients: number) => (clients >= 300 ? 4 : 2)

/** Runs one load against one server and returns its figures (no name; the scenario adds it). */
export async function runLoad(server: RunningServer, plan: LoadPlan): Promise<Record<string, unknown>> {
  const pid = server.child.pid!
  const graceMs = plan.graceMs ?? 1_500
  // Split clients: whole rooms per worker when there are several rooms, else one room's clients.
  const assignments: Assignment[] = Array.from({ length: plan.workers }, () => ({
    url: server.wsUrl,
    rooms: [],
    rate: plan.rate,
    window: plan.window ?? 4,
    writerCount: plan.rooms.length * plan.writersPerRoom,
  }))
  let writerNumber = 0
  plan.rooms.forEach((room, r) => {
    if (plan.rooms.length >= plan.workers) {
      const writers = Array.from({ length: plan.writersPerRoom }, () => writerNumber++)
      assignments[r % plan.workers]!.rooms.push({ ...room, clients: plan.clientsPerRoom, writers })
      return
    }
    for (let w = 0; w < plan.workers; w++) {
      const clients = Math.floor(plan.clientsPerRoom / plan.workers) + (w < plan.clientsPerRoom % plan.workers ? 1 : 0)
      const writerCount = Math.floor(plan.writersPerRoom / plan.workers) + (w < plan.writersPerRoom % plan.workers ? 1 : 0)
      const writers = Array.from({ length: Math.min(writerCount, clients) }, () => writerNumber++)
      if (clients > 0) assignments[w]!.rooms.push({ ...room, clients, writers })
    }
  })

  const workers: ChildProcess[] = []
  try {
    for (const assignment of assignments) {
      if (assignment.rooms.length === 0) continue
      const worker = fork(generatorPath, ['--generator-worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
      workers.push(worker)
      worker.send(assignment)
    }
    await Promise.all(workers.map((worker) => waitForMessage(worker, 'ready', CONNECT_TIMEOUT_MS + 30_000)))
    await Promise.all(
      workers.map((worker) => {
        const reply = waitForMessage(worker, 'prepared', 10_000)
        worker.send({ type: 'prepare' } satisfies ToWorker)
        return reply
      }),
    )
    await sleep(500) // let the writers' paragraphs reach everyone

    resetPeakRss(pid)
    const cpuBefore = cpuSeconds(pid)
    const generatorBefore = workers.reduce((sum, w) => sum + cpuSeconds(w.pid!), 0)
    const started = performance.now()
    for (const worker of workers) worker.send({ type: 'start' } satisfies ToWorker)
    await sleep(plan.durationMs)
    for (const worker of workers) worker.send({ type: 'stop' } satisfies ToWorker)
    const writingSeconds = (performance.now() - started) / 1000
    await sleep(graceMs)
    const cpu = cpuSeconds(pid) - cpuBefore
    const generatorCpu = workers.reduce((sum, w) => sum + cpuSeconds(w.pid!), 0) - generatorBefore
    const wallSeconds = (performance.now() - started) / 1000
    const rss = peakRssMb(pid)

    const reports = await Promise.all(
      workers.map((worker) => {
        const reply = waitForMessage(worker, 'report', 30_000)
        worker.send({ type: 'report' } satisfies ToWorker)
        return reply
      }),
    )
    const sorted = new Float64Array(reports.flatMap((r) => r.latencies)).sort()
    const sentByRoom: Record<string, number> = {}
    for (const report of reports) {
      for (const [room, sent] of Object.entries(report.sentByRoom)) sentByRoom[room] = (sentByRoom[room] ?? 0) + sent
    }
    const sent = Object.values(sentByRoom).reduce((sum, n) => sum + n, 0)
    const received = reports.reduce((sum, r) => sum + r.received, 0)
    const expected = sent * (plan.clientsPerRoom - 1)
    return {
      server: server.name,
      clients: plan.rooms.length * plan.clientsPerRoom,
      p50_ms: round(percentile(sorted, 50), 2),
      p95_ms: round(percentile(sorted, 95), 2),
      p99_ms: round(percentile(sorted, 99), 2),
      max_ms: round(sorted[sorted.length - 1] ?? NaN, 2),
      updates_per_s: round(sent / writingSeconds),
      deliveries_per_s: round(received / writingSeconds, 0),
      delivered_pct: round(expected ? (100 * received) / expected : NaN, 2),
      server_cpu_s: round(cpu, 2),
      server_cpu_pct: round((100 * cpu) / wallSeconds),
      server_peak_rss_mb: rss,
      generator_processes: workers.length,
      generator_cpu_pct: round((100 * generatorCpu) / wallSeconds),
    }
  } finally {
    for (const worker of workers) {
      if (worker.connected) worker.send({ type: 'exit' } satisfies ToWorker)
    }
    await sleep(300)
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolveExit) => {
            if (worker.exitCode !== null || worker.signalCode !== null) return resolveExit()
            worker.once('exit', () => resolveExit())
            worker.kill('SIGKILL')
          }),
      ),
    )
  }
}

if (process.argv.includes('--generator-worker')) await runWorker()
