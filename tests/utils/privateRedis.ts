import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from './newServer.ts'

export interface PrivateRedis {
  url: string
  /** kill -9, as a crashed Redis. */
  kill(): Promise<void>
  /** Starts again on the same port (empty: nothing is saved). */
  start(): Promise<void>
  stop(): Promise<void>
}

function launch(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited with ${code}:\n${output}`))
    })
  })
}

function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
  })
}

/** A throwaway redis-server on a free port, never the shared one. */
export async function privateRedis(): Promise<PrivateRedis> {
  let port = await freePort()
  let child: ChildProcess | undefined
  // The probed port may be taken before redis-server binds it: try another one then.
  for (let attempt = 1; !child; attempt++) {
    try {
      child = await launch(port)
    } catch (error) {
      if (attempt >= 3) throw error
      port = await freePort()
    }
  }
  const kill = async () => {
    if (!child) return
    child.kill('SIGKILL')
    await waitExit(child)
    child = undefined
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    kill,
    async start() {
      child = await launch(port)
    },
    stop: kill,
  }
}
