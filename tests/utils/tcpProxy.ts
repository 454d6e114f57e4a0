import { connect, createServer, type Socket } from 'node:net'

export interface TcpProxy {
  port: number
  /** Drops every open connection and refuses new ones, as a failed network would. */
  cut(): void
  /** Accepts and forwards connections again. */
  restore(): void
  close(): Promise<void>
}

/**
 * A TCP forwarder on a free port, standing in for a load balancer or a network path. Each new
 * connection goes to the first target port that accepts it, in order, so a dead target is
 * skipped the way nginx passes to the next upstream server.
 */
export async function newTcpProxy(targetPorts: readonly number[], host = '127.0.0.1'): Promise<TcpProxy> {
  const open = new Set<Socket>()
  let cut = false

  function forward(client: Socket, index: number): void {
    const port = targetPorts[index]
    if (port === undefined) {
      client.destroy()
      return
    }
    const upstream = connect(port, host)
    let connected = false
    upstream.on('error', () => {
      // Refused before connecting: try the next target. Failing later ends the client too.
      if (!connected && !client.destroyed) forward(client, index + 1)
      else client.destroy()
    })
    upstream.once('connect', () => {
      connected = true
      if (client.destroyed || cut) {
        upstream.destroy()
        return
      }
      open.add(upstream)
      upstream.once('close', () => {
        open.delete(upstream)
        client.destroy()
      })
      client.once('close', () => upstream.destroy())
      client.on('error', () => upstream.destroy())
      client.pipe(upstream)
      upstream.pipe(client)
      client.resume()
    })
  }

  const server = createServer({ pauseOnConnect: true }, (client) => {
    if (cut) {
      client.destroy()
      return
    }
    open.add(client)
    client.once('close', () => open.delete(client))
    client.on('error', () => client.destroy())
    forward(client, 0)
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => {
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })

  return {
    port,
    cut() {
      cut = true
      for (const socket of open) socket.destroy()
      open.clear()
    },
    restore() {
      cut = false
    },
    close() {
      cut = true
      for (const socket of open) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
