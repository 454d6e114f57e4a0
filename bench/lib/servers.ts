import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { freePort } from './metrics.ts'
import { serverCommand } from './pinning.ts'

// The servers under test, each in its own process: Samskriv (server/src/main.ts via tsx, a temp
// DATA_DIR), the reference @y/websocket-server, and a relay that forwards bytes (the floor).

export interface BenchRoom {
  room: string
  params: Record<string, string>
  fragment: string
}

export interface RunningServer {
  name: string
  child: ChildProcess
  wsUrl: string
  /** Fresh rooms (documents) and the connection params for them. */
  newRooms(count: number): Promise<BenchRoom[]>
  stop(): Promise<void>
}

export interface SamskrivServer extends RunningServer {
  baseUrl: string
  token: string
  dataDir: string
  /** What the server printed to stderr before it was ready (e.g. the inspector URL). */
  startOutput: string
}

const serverDir = resolve(import.meta.dirname, '../../server')
const benchDir = resolve(import.meta.dirname, '..')

function startProcess(args: string[], cwd: string, env: Record<string, string>, readyText: string): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((resolveStart, reject) => {
    const command = serverCommand(args)
    const child = spawn(command.command, command.args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let ready = false
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start:\n${output}`))
    }, 30_000)
    // BENCH_SERVER_LOG=<file> keeps everything the servers print (e.g. with --trace-gc).
    const log = process.env.BENCH_SERVER_LOG
    const onData = (chunk: Buffer) => {
      if (log) appendFileSync(log, chunk)
      if (ready) return // keep draining the pipes so the server never blocks on a full one
      output += chunk.toString()
      if (output.length > 20_000) output = output.slice(-10_000)
      if (output.includes(readyText)) {
        ready = true
        clearTimeout(timer)
        resolveStart({ child, output })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      if (!ready) reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
}

/** SIGTERM first (Samskriv then flushes, and --cpu-prof writes its profile), SIGKILL after 10 s. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveExit()
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolveExit()
    }, 10_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolveExit()
    })
    child.kill(signal)
  })
}

export async function api(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  })
  const json = (await response.json()) as Record<string, unknown>
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

export interface SamskrivOptions {
  /** Extra environment (server config), e.g. UNLOAD_AFTER_MS. */
  env?: Record<string, string>
  /** Extra node flags, e.g. --inspect or --cpu-prof. BENCH_SERVER_NODE_ARGS adds more. */
  nodeArgs?: string[]
}

export async function startSamskriv(options: SamskrivOptions = {}): Promise<SamskrivServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'samskriv-bench-'))
  const extraArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  try {
    const { child, output } = await startProcess(
      [...extraArgs, ...(options.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'],
      serverDir,
      // The embedded SQLite default unless a scenario says otherwise: DATABASE_URL / REDIS_URL
      // in the bench's own environment (for the scale-out scenario) must not leak into the rest.
      { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, UNLOAD_AFTER_MS: '1000', DATABASE_URL: '', REDIS_URL: '', ...options.env },
      'lyssnar på',
    )
    const baseUrl = `http://127.0.0.1:${port}`
    const email = `bench${Date.now()}@example.se`
    const registered = await api(baseUrl, 'POST', '/api/auth/register', undefined, { email, name: 'Bänk', password: 'lösenord123' })
    const token = String(registered.token)
    const workspace = await api(baseUrl, 'POST', '/api/workspaces', token, { name: 'Bänken' })
    const newRoom = async (): Promise<BenchRoom> => {
      const document = await api(baseUrl, 'POST', `/api/workspaces/${String(workspace.id)}/documents`, token, {
        template: 'esf-projektide',
        title: 'Bänkdokument',
      })
      const sections = document.sections as Array<{ id: string }>
      return { room: String(document.id), params: { token }, fragment: `section:${sections[0]!.id}` }
    }
    return {
      name: 'samskriv',
      child,
      baseUrl,
      token,
      dataDir,
      startOutput: output,
      wsUrl: `ws://127.0.0.1:${port}/collab`,
      async newRooms(count) {
        const rooms: BenchRoom[] = []
        // A few requests in flight: creation is quick, and the bench should not wait on round trips.
        while (rooms.length < count) {
          const batch = Math.min(8, count - rooms.length)
          rooms.push(...(await Promise.all(Array.from({ length: batch }, newRoom))))
        }
        return rooms
      },
      async stop() {
        await stopProcess(child, 'SIGTERM')
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

let roomCounter = 0
const namedRooms = (prefix: string, count: number): BenchRoom[] =>
  Array.from({ length: count }, () => ({ room: `${prefix}-${++roomCounter}`, params: {}, fragment: 'section:bench' }))

export async function startReference(): Promise<RunningServer> {
  const port = await freePort()
  const require = createRequire(import.meta.url)
  const script = join(dirname(require.resolve('@y/websocket-server/package.json')), 'src/server.js')
  const { child } = await startProcess(['--import', yjs13Loader(), script], benchDir, { PORT: String(port), HOST: '127.0.0.1' }, 'running at')
  return {
    name: 'y-websocket-server',
    child,
    wsUrl: `ws://127.0.0.1:${port}`,
    newRooms: async (count) => namedRooms('bench', count),
    stop: () => stopProcess(child),
  }
}

/** The floor: bench/relay.ts forwards every frame to the room's other sockets, with no Yjs state. */
export async function startRelay(): Promise<RunningServer> {
  const port = await freePort()
  const { child } = await startProcess(['--import', 'tsx', join(benchDir, 'relay.ts')], benchDir, { PORT: String(port) }, 'relay listening')
  return {
    name: 'relay',
    child,
    wsUrl: `ws://127.0.0.1:${port}`,
    newRooms: async (count) => namedRooms('relay', count),
    stop: () => stopProcess(child),
  }
}

export type ServerName = 'y-websocket-server' | 'samskriv' | 'relay'

export function startServer(name: ServerName, options?: SamskrivOptions): Promise<RunningServer> {
  if (name === 'samskriv') return startSamskriv(options)
  if (name === 'relay') return startRelay()
  return startReference()
}

/** Which servers a scenario runs against (BENCH_SERVERS=samskriv,relay narrows it). */
export function selectedServers(): ServerName[] {
  const all: ServerName[] = ['y-websocket-server', 'samskriv', 'relay']
  const wanted = process.env.BENCH_SERVERS?.split(',').map((s) => s.trim())
  return wanted ? all.filter((name) => wanted.includes(name)) : all
}
