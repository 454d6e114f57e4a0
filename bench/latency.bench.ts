import { fork, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'

// Propagation latency under load: N stock y-websocket clients on one document, K writers each
// inserting ~22 bytes 10 times a second, every client a reader. Latency = the writer's send time
// (embedded in the inserted text) → the update applied at a reader, on one machine clock.
// Run against the Samskriv server and the reference @y/websocket-server, as child processes;
// the clients live in WORKERS forked generator processes so the generator does not share the
// server's core budget in one event loop.

const WRITERS = 5
const WRITES_PER_SECOND = 10
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 8_000)
const WORKERS = 2
const GRACE_MS = 1_500
const CONNECT_TIMEOUT_MS = 30_000
const CLK_TCK = 100
const serverDir = resolve(import.meta.dirname, '../server')
const selfPath = fileURLToPath(import.meta.url)

// ---------------------------------------------------------------- messages between processes

interface Assignment {
  url: string
  room: string
  params: Record<string, string>
  fragment: string
  clients: number
  writers: number
  firstIndex: number
}
type ToWorker = Assignment | { type: 'start' } | { type: 'stop' } | { type: 'report' } | { type: 'exit' }
type FromWorker =
  | { type: 'ready'; connected: number }
  | { type: 'failed'; message: string }
  | { type: 'report'; latencies: number[]; sent: number; received: number }

const now = () => performance.timeOrigin + performance.now()

// ---------------------------------------------------------------- worker: the clients

async function runWorker(): Promise<void> {
  const send = (message: FromWorker) => process.send?.(message)
  process.setMaxListeners(0) // every stock provider adds an exit listener
  // Never outlive the parent.
  process.on('disconnect', () => process.exit(0))
  const lifetime = setTimeout(() => process.exit(1), 120_000)
  lifetime.unref()

  const assignment = await new Promise<Assignment>((resolveAssignment) =>
    process.once('message', (message) => resolveAssignment(message as Assignment)),
  )
  const providers: WebsocketProvider[] = []
  const texts: Y.XmlText[] = []
  const latencies: number[] = []
  let received = 0
  let sent = 0
  let measuring = false
  const pattern = /t(\d+\.\d+);/g

  for (let i = 0; i < assignment.clients; i++) {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment(assignment.fragment)
    fragment.observeDeep((events, transaction) => {
      if (transaction.local) return
      const at = now()
      for (const event of events) {
        if (!(event.target instanceof Y.XmlText)) continue
        for (const op of event.delta) {
          if (typeof op.insert !== 'string') continue
          for (const match of op.insert.matchAll(pattern)) {
            received++
            if (measuring) latencies.push(at - Number(match[1]))
          }
        }
      }
    })
    const provider = new WebsocketProvider(assignment.url, assignment.room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: assignment.params,
    })
    providers.push(provider)
    // Connect in small batches, as a reconnect storm is another scenario.
    if (i % 25 === 24) await new Promise((r) => setTimeout(r, 50))
  }

  const deadline = Date.now() + CONNECT_TIMEOUT_MS
  while (providers.some((p) => !p.synced) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  const connected = providers.filter((p) => p.synced).length
  if (connected < providers.length) {
    send({ type: 'failed', message: `${connected}/${providers.length} clients synced within ${CONNECT_TIMEOUT_MS} ms` })
  }
  // Each writer owns one paragraph in the section.
  for (let w = 0; w < assignment.writers; w++) {
    const doc = providers[w]!.doc
    const fragment = doc.getXmlFragment(assignment.fragment)
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    doc.transact(() => fragment.insert(fragment.length, [paragraph]))
    texts.push(text)
  }
  send({ type: 'ready', connected })

  const timers: NodeJS.Timeout[] = []
  process.on('message', (raw) => {
    const message = raw as ToWorker
    if (!('type' in message)) return
    if (message.type === 'start') {
      measuring = true
      received = 0
      texts.forEach((text, w) => {
        const offset = ((assignment.firstIndex + w) * 1000) / WRITES_PER_SECOND / WRITERS
        timers.push(
          setTimeout(() => {
            timers.push(
              setInterval(() => {
                text.insert(text.length, `t${now().toFixed(3)};`)
                sent++
              }, 1000 / WRITES_PER_SECOND),
            )
          }, offset),
        )
      })
    } else if (message.type === 'stop') {
      for (const timer of timers) clearTimeout(timer)
    } else if (message.type === 'report') {
      measuring = false
      send({ type: 'report', latencies, sent, received })
    } else if (message.type === 'exit') {
      for (const provider of providers) provider.destroy()
      setTimeout(() => process.exit(0), 200)
    }
  })
}

// ---------------------------------------------------------------- parent: servers and scenarios

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

interface RunningServer {
  name: string
  child: ChildProcess
  wsUrl: string
  /** A fresh room (document) and the connection params for it. */
  newRoom(): Promise<{ room: string; params: Record<string, string>; fragment: string }>
  stop(): Promise<void>
}

function startProcess(args: string[], cwd: string, env: Record<string, string>, readyText: string): Promise<ChildProcess> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start:\n${output}`))
    }, 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.length > 20_000) output = output.slice(-10_000)
      if (output.includes(readyText)) {
        clearTimeout(timer)
        resolveStart(child)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveExit()
    const timer = setTimeout(resolveExit, 5_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolveExit()
    })
    child.kill('SIGKILL')
  })
}

async function api(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  })
  const json = (await response.json()) as Record<string, unknown>
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

async function startSamskriv(): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'samskriv-bench-'))
  try {
    const child = await startProcess(['--import', 'tsx', 'src/main.ts'], serverDir, {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      UNLOAD_AFTER_MS: '1000',
    }, 'lyssnar på')
    const baseUrl = `http://127.0.0.1:${port}`
    const email = `bench${Date.now()}@example.se`
    const registered = await api(baseUrl, 'POST', '/api/auth/register', undefined, { email, name: 'Bänk', password: 'lösenord123' })
    const token = String(registered.token)
    const workspace = await api(baseUrl, 'POST', '/api/workspaces', token, { name: 'Bänken' })
    return {
      name: 'samskriv',
      child,
      wsUrl: `ws://127.0.0.1:${port}/collab`,
      async newRoom() {
        const document = await api(baseUrl, 'POST', `/api/workspaces/${String(workspace.id)}/documents`, token, {
          template: 'esf-projektide',
          title: 'Latens',
        })
        const sections = document.sections as Array<{ id: string }>
        return { room: String(document.id), params: { token }, fragment: `section:${sections[0]!.id}` }
      },
      async stop() {
        await stopProcess(child)
        rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}

/**
 * @y/websocket-server 0.1.5 depends on Yjs 14 (a prerelease), whose updates the stock
 * y-websocket 3.1 / Yjs 13 client cannot exchange with it: nothing is delivered. So the
 * reference runs its own server code unchanged, with `yjs` and `@y/protocols/*` resolved to
 * the client's Yjs 13.6 and y-protocols 1.0 through a module resolve hook.
 */
function yjs13Loader(): string {
  const require = createRequire(import.meta.url)
  const yjsDir = dirname(realpathSync(require.resolve('yjs/package.json')))
  const protocolsDir = join(dirname(realpathSync(require.resolve('y-websocket/package.json'))), '../y-protocols')
  const map = {
    yjs: pathToFileURL(join(yjsDir, 'dist/yjs.mjs')).href,
    '@y/protocols/sync': pathToFileURL(join(protocolsDir, 'sync.js')).href,
    '@y/protocols/awareness': pathToFileURL(join(protocolsDir, 'awareness.js')).href,
  }
  const hooks = `const map = ${JSON.stringify(map)};
export async function resolve(specifier, context, next) {
  if (context.parentURL && context.parentURL.includes('websocket-server') && map[specifier]) return { url: map[specifier], shortCircuit: true };
  return next(specifier, context);
}`
  const register = `import { register } from 'node:module'; register(${JSON.stringify('data:text/javascript,' + encodeURIComponent(hooks))});`
  return 'data:text/javascript,' + encodeURIComponent(register)
}

async function startReference(): Promise<RunningServer> {
  const port = await freePort()
  const require = createRequire(import.meta.url)
  const script = join(dirname(require.resolve('@y/websocket-server/package.json')), 'src/server.js')
  const child = await startProcess(['--import', yjs13Loader(), script], import.meta.dirname, { PORT: String(port), HOST: '127.0.0.1' }, 'running at')
  let rooms = 0
  return {
    name: 'y-websocket-server',
    child,
    wsUrl: `ws://127.0.0.1:${port}`,
    async newRoom() {
      return { room: `bench-${++rooms}`, params: {}, fragment: 'section:bench' }
    },
    stop: () => stopProcess(child),
  }
}

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}

function peakRssMb(pid: number): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)
  return match ? Math.round(Number(match[1]) / 1024) : NaN
}

/** Resets VmHWM so that each scenario reports its own peak (Linux ≥ 4.0; ignored if refused). */
function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    // The peak then covers the server's whole life so far.
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits

function waitFor<T extends FromWorker['type']>(worker: ChildProcess, type: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolveMessage, reject) => {
    const timer = setTimeout(() => {
      worker.off('message', onMessage)
      reject(new Error(`generator sent no ${type} within ${timeoutMs} ms`))
    }, timeoutMs)
    const onMessage = (raw: unknown) => {
      const message = raw as FromWorker
      if (message.type === 'failed') {
        clearTimeout(timer)
        worker.off('message', onMessage)
        reject(new Error(message.message))
      } else if (message.type === type) {
        clearTimeout(timer)
        worker.off('message', onMessage)
        resolveMessage(message as Extract<FromWorker, { type: T }>)
      }
    }
    worker.on('message', onMessage)
  })
}

async function scenario(server: RunningServer, clients: number): Promise<Record<string, unknown>> {
  const pid = server.child.pid!
  const { room, params, fragment } = await server.newRoom()
  const workers: ChildProcess[] = []
  try {
    const counts = Array.from({ length: WORKERS }, (_, i) => Math.floor(clients / WORKERS) + (i < clients % WORKERS ? 1 : 0))
    const writerCounts = Array.from({ length: WORKERS }, (_, i) => Math.floor(WRITERS / WORKERS) + (i < WRITERS % WORKERS ? 1 : 0))
    let firstIndex = 0
    for (let i = 0; i < WORKERS; i++) {
      if (counts[i] === 0) continue
      const worker = fork(selfPath, ['--latency-worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
      workers.push(worker)
      const writers = Math.min(writerCounts[i]!, counts[i]!)
      worker.send({ url: server.wsUrl, room, params, fragment, clients: counts[i]!, writers, firstIndex } satisfies Assignment)
      firstIndex += writers
    }
    await Promise.all(workers.map((worker) => waitFor(worker, 'ready', CONNECT_TIMEOUT_MS + 10_000)))
    await new Promise((r) => setTimeout(r, 500)) // let the writers' paragraphs reach everyone

    resetPeakRss(pid)
    const cpuBefore = cpuSeconds(pid)
    const started = performance.now()
    for (const worker of workers) worker.send({ type: 'start' } satisfies ToWorker)
    await new Promise((r) => setTimeout(r, DURATION_MS))
    for (const worker of workers) worker.send({ type: 'stop' } satisfies ToWorker)
    const writingSeconds = (performance.now() - started) / 1000
    await new Promise((r) => setTimeout(r, GRACE_MS))
    const cpu = cpuSeconds(pid) - cpuBefore
    const wallSeconds = (performance.now() - started) / 1000
    const rss = peakRssMb(pid)

    const reports = await Promise.all(
      workers.map((worker) => {
        const reply = waitFor(worker, 'report', 10_000)
        worker.send({ type: 'report' } satisfies ToWorker)
        return reply
      }),
    )
    const latencies = new Float64Array(reports.flatMap((r) => r.latencies)).sort()
    const sorted = Array.from(latencies)
    const sent = reports.reduce((sum, r) => sum + r.sent, 0)
    const received = reports.reduce((sum, r) => sum + r.received, 0)
    const expected = sent * (clients - 1)
    return {
      name: `latency ${server.name}, ${clients} clients, ${WRITERS} writers × ${WRITES_PER_SECOND}/s`,
      server: server.name,
      clients,
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
    }
  } finally {
    for (const worker of workers) {
      if (worker.connected) worker.send({ type: 'exit' } satisfies ToWorker)
    }
    await new Promise((r) => setTimeout(r, 300))
    await Promise.all(workers.map((worker) => stopProcess(worker)))
  }
}

/** One result per (server, clients) plus a ratio row per client count. */
export async function benchLatency(): Promise<Array<Record<string, unknown>>> {
  const clientCounts = (process.env.BENCH_CLIENTS ?? '10,100')
    .split(',')
    .map((value) => Number.parseInt(value.trim(), 10))
    .filter((value) => value > 1)
  const results: Array<Record<string, unknown>> = []
  const servers: RunningServer[] = []
  try {
    servers.push(await startReference())
    servers.push(await startSamskriv())
    for (const clients of clientCounts) {
      const byServer: Record<string, Record<string, unknown>> = {}
      for (const server of servers) {
        const result = await scenario(server, clients)
        byServer[server.name] = result
        results.push(result)
      }
      const ours = byServer.samskriv?.p99_ms as number
      const theirs = byServer['y-websocket-server']?.p99_ms as number
      results.push({
        name: `latency p99 ratio samskriv / y-websocket-server, ${clients} clients`,
        clients,
        p99_ratio: round(ours / theirs, 2),
      })
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
  }
  return results
}

const invokedPath = process.argv[1]
if (process.argv.includes('--latency-worker')) {
  await runWorker()
} else if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const results = await benchLatency()
  for (const result of results) {
    const { name, ...figures } = result
    console.log(`${String(name)} | ${Object.entries(figures).map(([k, v]) => `${k}=${String(v)}`).join(' ')}`)
  }
  for (const result of results) console.log(JSON.stringify(result))
}
