import type { WebSocket, WebSocketServer } from 'ws'

/**
 * Pings every socket each `intervalMs` and ends those that did not answer the previous ping. A
 * client that vanished without closing (a laptop shut, a network gone) otherwise keeps its socket,
 * its presence and its room in memory until TCP notices, which can take hours. Browsers and `ws`
 * answer pings by themselves. Returns a function that stops it.
 */
export function keepSocketsAlive(server: WebSocketServer, intervalMs: number): () => void {
  const answered = new WeakSet<WebSocket>()
  server.on('connection', (socket: WebSocket) => {
    answered.add(socket)
    socket.on('pong', () => answered.add(socket))
  })
  const timer = setInterval(() => {
    for (const socket of server.clients) {
      if (!answered.delete(socket)) {
        socket.terminate()
        continue
      }
      socket.ping()
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
