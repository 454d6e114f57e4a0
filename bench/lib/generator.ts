import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { cpuSeconds, machineCpu, peakRssMb, percentile, resetPeakRss, round, sleep, stealPct } from './metrics.ts'
import type { BenchRoom, RunningServer } from './servers.ts'

// The load generator: stock y-websocket providers (Node, `ws`, `disableBc`) in forked processes,
// so the generator does not share one event loop. Writers insert `t<send time>w<writer>;`
// (~25 bytes) into their own paragraph of a section; every client is a reader. Latency = the frame
// arriving at a reader − send time, over every (update, reader) pair, on one machine clock.
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
  /** Stock readers per room in this process; the other readers are RawReaders. */
  stockReaders: number
  /** Build every client in one go, on the parent's 'connect' (see LoadPlan.connectAtOnce). */
  connectAtOnce?: boolean
  /** Keep each latency's send time and count presence per 100 ms (see LoadPlan.timeline). */
  timeline?: boolean
  /** See LoadPlan.presence. */
  presence?: 'steady'
}
type ToWorker = Assignment | { type: 'connect' } | { type: 'prepare' } | { type: 'start'; measureFrom: number } | { type: 'stop' } | { type: 'report' } | { type: 'exit' }
type FromWorker =
  | { type: 'loaded' }
  | { type: 'ready'; connected: number }
  | { type: 'prepared' }
  | { type: 'failed'; message: string }
  | {
      type: 'report'
      latencies: number[]
      sentByRoom: Record<string, number>
      received: number
      /** With `timeline`: the send time of each latency (ms, same clock), and presence frames / states per 100 ms slot (key: floor(time / 100)). */
      sentAt?: number[]
      awarenessFrames?: Record<string, number>
      awarenessStates?: Record<string, number>
    }

const now = () => performance.timeOrigin + performance.now()

// ---------------------------------------------------------------- worker: the clients

const SYNC_STEP1_EMPTY = Uint8Array.of(0, 0, 1, 0) // messageSync, step 1, a state vector with no clients
const SYNC_STEP2_EMPTY = Uint8Array.of(0, 1, 2, 0, 0) // messageSync, step 2, an update with nothing in it

/** A stock client renews its presence every 15 s (y-protocols' outdatedTimeout / 2). */
const RENEWAL_MS = 15_000
/** Steady stock providers renew themselves just before their awareness's own 15 s check would. */
const STOCK_RENEWAL_MS = RENEWAL_MS - 500

/**
 * Runs `renew` at a random moment of the next `period`, then every `period`: a client that joined
 * at its own time. Its timers go into `timers`, for clearing.
 */
function renewAtOwnPhase(renew: () => void, timers: Set<NodeJS.Timeout>, period = RENEWAL_MS): void {
  const first = setTimeout(() => {
    timers.delete(first)
    renew()
    timers.add(setInterval(renew, period))
  }, Math.random() * period)
  timers.add(first)
}

/**
 * A hand-written y-websocket reader: the stock handshake (step 1 with an empty state vector, an
 * empty step 2 in reply to the server's step 1), presence renewed every 15 s like a stock client,
 * and no Y.Doc. A stock reader spends most of the generator's CPU applying updates; at 500
 * clients that, not the server, would set the latency. The writers and some readers stay stock.
 *
 * Its first announcement carries clock 0 like a stock client's untouched state, and y-protocols
 * ignores clock 0 from a client it does not know: by default a reader shows up at its first
 * renewal, 15 s after it was built. With `steady` presence it announces clock 1, so it is present
 * from the start like a client that set its name, and renews at its own phase (see LoadPlan.presence).
 */
class RawReader {
  synced = false
  private socket: WebSocket | undefined
  private closed = false
  private readonly clientId = Math.floor(Math.random() * 2 ** 31)
  private clock: number
  private readonly renewals = new Set<NodeJS.Timeout>()

  constructor(
    private readonly url: string,
    private readonly room: BenchRoom,
    private readonly onFrame: (data: Buffer) => void,
    steady: boolean,
  ) {
    this.clock = steady ? 1 : 0
    this.connect()
    if (steady) renewAtOwnPhase(() => this.announce(), this.renewals)
    else this.renewals.add(setInterval(() => this.announce(), RENEWAL_MS))
  }

  private connect(): void {
    const query = new URLSearchParams(this.room.params).toString()
    const socket = new WebSocket(`${this.url}/${this.room.room}${query ? `?${query}` : ''}`)
    this.socket = socket
    socket.on('open', () => {
      socket.send(SYNC_STEP1_EMPTY)
      this.announce()
    })
    socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 0) socket.send(SYNC_STEP2_EMPTY)
      else if (data[0] === 0 && data[1] === 1) this.synced = true
      this.onFrame(data)
    })
    // Like a stock provider: a refused or dropped connection is retried.
    socket.on('error', () => undefined)
    socket.on('close', () => {
      this.synced = false
      if (!this.closed) setTimeout(() => this.connect(), 100 + Math.random() * 400)
    })
  }

  private announce(): void {
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint(update, this.clientId)
    encoding.writeVarUint(update, this.clock++)
    encoding.writeVarString(update, '{}')
    const frame = encoding.createEncoder()
    encoding.writeVarUint(frame, 1) // messageAwareness
    encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(encoding.toUint8Array(frame))
  }

  close(): void {
    this.closed = true
    for (const timer of this.renewals) clearTimeout(timer)
    this.socket?.close()
  }
}

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
  if (assignment.connectAtOnce) {
    // Every process builds its clients on the same 'connect', not as soon as it has loaded.
    const connect = new Promise<void>((resolveConnect) => {
      const onConnect = (raw: unknown) => {
        if ((raw as ToWorker & { type?: string }).type !== 'connect') return
        process.off('message', onConnect)
        resolveConnect()
      }
      process.on('message', onConnect)
    })
    send({ type: 'loaded' })
    await connect
  }
  const stockByRoom: WebsocketProvider[][] = []
  const rawReaders: RawReader[] = []
  const latencies: number[] = []
  const sentByRoom: Record<string, number> = {}
  let received = 0
  let measuring = false
  /** Send time from which updates count (after the warm-up); earlier ones are written but not measured. */
  let measureFrom = Infinity
  const timeline = assignment.timeline === true
  const steady = assignment.presence === 'steady'
  const stockRenewals = new Set<NodeJS.Timeout>()
  const sentAt: number[] = []
  const awarenessFrames: Record<string, number> = {}
  const awarenessStates: Record<string, number> = {}
  let writing = false
  const pattern = /t(\d+\.\d+)w(\d+);/g
  /** Writers of this process by global number, for the closed loop. */
  const writers = new Map<number, { text: Y.XmlText; room: string; inFlight: number }>()
  const write = (number: number) => {
    const writer = writers.get(number)!
    const at = Number(now().toFixed(3))
    writer.text.insert(writer.text.length, `t${at.toFixed(3)}w${number};`)
    writer.inFlight++
    // The same instant as the marker, so an update counts as sent exactly when its deliveries count.
    if (at >= measureFrom) sentByRoom[writer.room] = (sentByRoom[writer.room] ?? 0) + 1
  }
  /**
   * Latency is taken when a frame arrives at a reader, before anything applies it (as the peers'
   * figures are): Yjs stores inserted text as UTF-8, so the markers are readable in the bytes.
   */
  const onFrame = (data: ArrayBuffer | Buffer, acknowledges: boolean, ownWriter = -1) => {
    if (!measuring) return
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data)
    if (timeline && bytes[0] === 1 && now() >= measureFrom) {
      // messageAwareness: the update inside starts with the number of client states it carries.
      const slot = Math.floor(now() / 100)
      awarenessFrames[slot] = (awarenessFrames[slot] ?? 0) + 1
      try {
        const decoder = decoding.createDecoder(bytes)
        decoding.readVarUint(decoder)
        decoding.readVarUint(decoder) // the update's length
        awarenessStates[slot] = (awarenessStates[slot] ?? 0) + decoding.readVarUint(decoder)
      } catch {
        // A malformed presence frame counts as a frame only.
      }
      return
    }
    // messageSync (0), then sync step 2 (1) or update (2); presence frames carry no markers.
    if (bytes[0] !== 0 || (bytes[1] !== 1 && bytes[1] !== 2)) return
    const at = now()
    for (const match of bytes.toString('latin1').matchAll(pattern)) {
      if (Number(match[2]) === ownWriter) continue // servers echo an update to its author too
      const sent = Number(match[1])
      if (sent >= measureFrom) {
        received++
        latencies.push(at - sent)
        if (timeline) sentAt.push(Math.round(sent))
      }
      if (!acknowledges) continue
      const writer = writers.get(Number(match[2]))
      if (!writer) continue
      writer.inFlight--
      if (saturate && writing) write(Number(match[2]))
    }
  }
  // The stock provider builds its socket itself; this subclass listens before the provider does.
  let socketAcknowledges = false
  let socketWriter = -1
  class TimedWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args)
      const acknowledges = socketAcknowledges
      const ownWriter = socketWriter
      this.addEventListener('message', (event) => onFrame(event.data as ArrayBuffer, acknowledges, ownWriter))
    }
  }

  for (const room of assignment.rooms) {
    const stock: WebsocketProvider[] = []
    stockByRoom.push(stock)
    const stockClients = Math.min(room.clients, room.writers.length + assignment.stockReaders)
    for (let i = 0; i < room.clients; i++) {
      // The first reader of a room in this process acknowledges this process's writers.
      const acknowledges = i === room.writers.length
      if (i < stockClients) {
        socketAcknowledges = acknowledges
        socketWriter = room.writers[i] ?? -1
        const provider = new WebsocketProvider(assignment.url, room.room, new Y.Doc(), {
          WebSocketPolyfill: TimedWebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
          params: room.params,
        })
        if (steady) {
          // Clock 1, sent when the socket opens. Then renewals at its own phase, each a little
          // before the stock awareness would renew by itself: that one checks every 3 s on a grid
          // shared by the providers of this process, and would bunch their renewals on its ticks.
          const { awareness } = provider
          awareness.setLocalStateField('user', { name: `bench ${i}` })
          renewAtOwnPhase(() => awareness.setLocalState(awareness.getLocalState()), stockRenewals, STOCK_RENEWAL_MS)
        }
        stock.push(provider)
      } else {
        rawReaders.push(new RawReader(assignment.url, room, (data) => onFrame(data, acknowledges), steady))
      }
      // Connect in small batches, unless this is the reconnect storm (connectAtOnce).
      if (!assignment.connectAtOnce && (stockByRoom.flat().length + rawReaders.length) % 25 === 0) await sleep(50)
    }
  }

  const deadline = Date.now() + CONNECT_TIMEOUT_MS
  const clients = () => [...stockByRoom.flat(), ...rawReaders]
  // Finer polling for the storm, whose figure is the time until everyone is synced.
  while (clients().some((p) => !p.synced) && Date.now() < deadline) await sleep(assignment.connectAtOnce ? 5 : 50)
  const connected = clients().filter((p) => p.synced).length
  if (connected < clients().length) {
    send({ type: 'failed', message: `${connected}/${clients().length} clients synced within ${CONNECT_TIMEOUT_MS} ms` })
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
      assignment.rooms.forEach((room, r) => {
        room.writers.forEach((number, w) => {
          const doc = stockByRoom[r]![w]!.doc
          const fragment = doc.getXmlFragment(room.fragment)
          const paragraph = new Y.XmlElement('paragraph')
          const text = new Y.XmlText()
          paragraph.insert(0, [text])
          doc.transact(() => fragment.insert(fragment.length, [paragraph]))
          writers.set(number, { text, room: room.room, inFlight: 0 })
        })
      })
      send({ type: 'prepared' })
    } else if (message.type === 'start') {
      measuring = true
      measureFrom = message.measureFrom
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
      send({ type: 'report', latencies, sentByRoom, received, ...(timeline ? { sentAt, awarenessFrames, awarenessStates } : {}) })
    } else if (message.type === 'exit') {
      for (const timer of stockRenewals) clearTimeout(timer)
      for (const provider of stockByRoom.flat()) provider.destroy()
      for (const reader of rawReaders) reader.close()
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
  /** Writing before measuring starts (default 0: measured from the first update). */
  warmupMs?: number
  /** Generator processes; rooms are split over them (a single room's clients too). */
  workers: number
  /** Stock readers per room per process besides the writers (default: all); the rest are RawReaders. */
  stockReaders?: number
  /**
   * Reconnect storm: every process builds all its clients at once (no 25-per-50 ms pacing), all
   * processes on the same signal; the figures add `connect_ms` (signal → every client synced).
   */
  connectAtOnce?: boolean
  /**
   * Figures over time: presence frames / states received during the window (per second too), and
   * document latency per second of send time and in the 2 s with the most presence (the burst).
   */
  timeline?: boolean
  /**
   * 'steady': presence as in a room whose clients joined at different times. Every client is
   * present from its connection on (it announces clock 1, as a client that set its name does) and
   * renews its presence at a moment of its own in each 15 s (stock providers 14.5 s), so renewals
   * arrive evenly, about clients / 15 per second. Default: a client's announcement at connection carries clock 0, which
   * y-protocols ignores, and every client first shows up 15 s after it was built.
   */
  presence?: 'steady'
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
    stockReaders: plan.stockReaders ?? Number.MAX_SAFE_INTEGER,
    writerCount: plan.rooms.length * plan.writersPerRoom,
    ...(plan.connectAtOnce ? { connectAtOnce: true } : {}),
    ...(plan.timeline ? { timeline: true } : {}),
    ...(plan.presence ? { presence: plan.presence } : {}),
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
    let connectMs: number | undefined
    if (plan.connectAtOnce) {
      await Promise.all(workers.map((worker) => waitForMessage(worker, 'loaded', 30_000)))
      const ready = workers.map((worker) => waitForMessage(worker, 'ready', CONNECT_TIMEOUT_MS + 30_000))
      const signalled = performance.now()
      for (const worker of workers) worker.send({ type: 'connect' } satisfies ToWorker)
      await Promise.all(ready)
      connectMs = performance.now() - signalled
    } else {
      await Promise.all(workers.map((worker) => waitForMessage(worker, 'ready', CONNECT_TIMEOUT_MS + 30_000)))
    }
    await Promise.all(
      workers.map((worker) => {
        const reply = waitForMessage(worker, 'prepared', 10_000)
        worker.send({ type: 'prepare' } satisfies ToWorker)
        return reply
      }),
    )
    await sleep(500) // let the writers' paragraphs reach everyone

    // Writing starts with a warm-up (JIT, first writes, caches warm on every side) that is not measured.
    const warmupMs = plan.warmupMs ?? 0
    // 0: every update counts (no cross-process clock comparison at the edge).
    const measureFrom = warmupMs > 0 ? now() + warmupMs : 0
    for (const worker of workers) worker.send({ type: 'start', measureFrom } satisfies ToWorker)
    await sleep(warmupMs)
    resetPeakRss(pid)
    const cpuBefore = cpuSeconds(pid)
    const machineBefore = machineCpu()
    const generatorBefore = workers.reduce((sum, w) => sum + cpuSeconds(w.pid!), 0)
    const started = performance.now()
    const startedAt = warmupMs > 0 ? measureFrom : now()
    await sleep(plan.durationMs)
    for (const worker of workers) worker.send({ type: 'stop' } satisfies ToWorker)
    const writingSeconds = (performance.now() - started) / 1000
    await sleep(graceMs)
    const cpu = cpuSeconds(pid) - cpuBefore
    const stolen = stealPct(machineBefore, machineCpu())
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
      stock_clients: assignments.reduce((sum, a) => sum + a.rooms.reduce((n, room) => n + Math.min(room.clients, room.writers.length + a.stockReaders), 0), 0),
      generator_processes: workers.length,
      warmup_ms: plan.warmupMs ?? 0,
      generator_cpu_pct: round((100 * generatorCpu) / wallSeconds),
      steal_pct: round(stolen),
      ...(connectMs !== undefined ? { connect_ms: round(connectMs, 0) } : {}),
      ...(plan.timeline
        ? timelineFigures(reports, startedAt, plan.durationMs, graceMs, plan.presence === 'steady' ? undefined : plan.rooms.length * plan.clientsPerRoom * (plan.clientsPerRoom - 1))
        : {}),
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

const BURST_MS = 2_000

/**
 * Presence and latency over time (LoadPlan.timeline). Slots of 100 ms from the window's start. The
 * burst = 2 s from 0.5 s before the middle of the first renewal (the slot by which half of one
 * renewal's `renewalStates` presence states had arrived; half of all if fewer arrived); its latency
 * counts the updates sent in it, wherever they arrived.
 */
function timelineFigures(
  reports: Array<Extract<FromWorker, { type: 'report' }>>,
  startedAt: number,
  durationMs: number,
  graceMs: number,
  /** States in one renewal of everyone; undefined: presence is steady, so there is no burst to find. */
  renewalStates: number | undefined,
): Record<string, unknown> {
  const firstSlot = Math.floor(startedAt / 100)
  const slots = Math.ceil((durationMs + graceMs) / 100)
  const frames = new Float64Array(slots)
  const states = new Float64Array(slots)
  for (const report of reports) {
    for (const [key, count] of Object.entries(report.awarenessFrames ?? {})) frames[Math.min(slots - 1, Math.max(0, Number(key) - firstSlot))]! += count
    for (const [key, count] of Object.entries(report.awarenessStates ?? {})) states[Math.min(slots - 1, Math.max(0, Number(key) - firstSlot))]! += count
  }
  const sum = (values: Float64Array, from = 0, to = values.length) => values.subarray(from, to).reduce((a, b) => a + b, 0)
  const perBurst = BURST_MS / 100
  const half = Math.min(renewalStates ?? 0, sum(states)) / 2
  let middle = 0
  for (let seen = states[0]!; seen < half && middle < slots - 1; seen += states[middle]!) middle++
  const burstSlot = Math.max(0, Math.min(slots - perBurst, middle - 5))
  const burstFrom = startedAt + burstSlot * 100
  const burstTo = burstFrom + BURST_MS
  const seconds = Math.ceil(durationMs / 1000)
  const bySecond: number[][] = Array.from({ length: seconds }, () => [])
  const inBurst: number[] = []
  for (const report of reports) {
    const sentAt = report.sentAt ?? []
    report.latencies.forEach((latency, i) => {
      const sent = sentAt[i]!
      const second = Math.floor((sent - startedAt) / 1000)
      if (second >= 0 && second < seconds) bySecond[second]!.push(latency)
      if (sent >= burstFrom && sent < burstTo) inBurst.push(latency)
    })
  }
  const p99 = (values: number[]) => round(percentile(new Float64Array(values).sort(), 99), 1)
  const perSecond = (values: Float64Array) => Array.from({ length: Math.ceil(slots / 10) }, (_, s) => sum(values, s * 10, Math.min(slots, s * 10 + 10)))
  const presence = sum(states) > 0
  return {
    awareness_frames: sum(frames),
    awareness_states: sum(states),
    ...(presence ? { awareness_states_per_s: perSecond(states) } : {}),
    // Without presence in the window (the latency scenario), or with presence arriving evenly
    // (steady), there is no burst to speak of.
    ...(presence && renewalStates !== undefined
      ? {
          burst_at_s: round((burstSlot * 100) / 1000, 1),
          burst_awareness_states: sum(states, burstSlot, burstSlot + perBurst),
          burst_p99_ms: p99(inBurst),
          burst_max_ms: round(inBurst.reduce((a, b) => Math.max(a, b), 0), 1),
        }
      : {}),
    p99_per_s_ms: bySecond.map(p99),
  }
}

if (process.argv.includes('--generator-worker')) await runWorker()
