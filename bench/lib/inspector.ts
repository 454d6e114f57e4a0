import WebSocket from 'ws'

/**
 * A minimal Chrome DevTools Protocol client for a server started with `--inspect=127.0.0.1:0`:
 * forces garbage collection and reads `process.memoryUsage()` inside the server process, so
 * memory figures are taken after a full GC without changing the server's code.
 */
export class Inspector {
  private nextId = 1
  private readonly waiting = new Map<number, (result: Record<string, unknown>) => void>()

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown> }
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.result ?? {})
      if (message.id !== undefined) this.waiting.delete(message.id)
    })
  }

  /** Connects to the inspector URL a process printed at start (`Debugger listening on ws://…`). */
  static async connect(startOutput: string): Promise<Inspector> {
    const url = startOutput.match(/Debugger listening on (ws:\/\/\S+)/)?.[1]
    if (!url) throw new Error(`no inspector URL in the server's output:\n${startOutput}`)
    const socket = new WebSocket(url)
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    return new Inspector(socket)
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer within 60 s`)), 60_000)
      this.waiting.set(id, (result) => {
        clearTimeout(timer)
        resolve(result)
      })
      this.socket.send(JSON.stringify({ id, method, params }))
    })
  }

  /** Full GC (twice: the first may only free what finalisers then release), then memory usage in bytes. */
  async memoryAfterGc(): Promise<{ heapUsed: number; rss: number; external: number; arrayBuffers: number }> {
    await this.send('HeapProfiler.collectGarbage')
    await this.send('HeapProfiler.collectGarbage')
    const evaluated = await this.send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })
    return JSON.parse(String((evaluated.result as { value: unknown }).value)) as never
  }

  close(): void {
    this.socket.close()
  }
}
