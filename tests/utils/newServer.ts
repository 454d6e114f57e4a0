import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const serverDir = resolve(import.meta.dirname, '../../server')

export interface TestServer {
  url: string
  wsUrl: string
  port: number
  dataDir: string
  /** kill -9 and start again on the same port and data. */
  crashAndRestart(): Promise<void>
  /** kill -9 only (an instance lost for good, e.g. for failover). */
  crash(): Promise<void>
  /** SIGTERM (a graceful stop), then start again on the same port and data; resolves with the exit code. */
  terminateAndRestart(): Promise<number | null>
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function start(port: number, dataDir: string, env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      // Test servers use their own SQLite file unless a test asks for another store.
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, UNLOAD_AFTER_MS: '500', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('lyssnar på')) {
        clearTimeout(timer)
        resolveStart(child)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (process.env.TEST_SERVER_LOG) process.stderr.write(chunk)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
}

function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveExit()
    child.once('exit', () => resolveExit())
  })
}

/**
 * Starts on a free port, trying another if the probed one was taken in between (the kernel also
 * hands probed ports to outgoing connections, which busy multi-process tests open many of).
 */
async function startOnFreePort(dataDir: string, env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    try {
      return { port, child: await start(port, dataDir, env) }
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error
    }
  }
}

/** A real server process on a free port with its own SQLite file; `stop()` removes it all. */
export async function newServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samskriv-test-'))
  const started = await startOnFreePort(dataDir, env)
  const port = started.port
  let child = started.child
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    dataDir,
    async crashAndRestart() {
      child.kill('SIGKILL')
      await waitExit(child)
      child = await start(port, dataDir, env)
    },
    async crash() {
      child.kill('SIGKILL')
      await waitExit(child)
    },
    async terminateAndRestart() {
      child.kill('SIGTERM')
      await waitExit(child)
      const code = child.exitCode
      child = await start(port, dataDir, env)
      return code
    },
    async stop() {
      child.kill('SIGKILL')
      await waitExit(child)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
