import { WebSocketServer, type WebSocket } from 'ws'

// The floor for the latency figures: a WebSocket server that keeps no Yjs state and forwards every
// frame to the other sockets of the same URL path. A stock y-websocket client only counts as
// synced once it has a sync step 2, so the relay answers step 1 with an empty step 2 (fixed bytes)
// instead of forwarding it. Everything else (updates, awareness) is forwarded as it came.

const EMPTY_SYNC_STEP2 = Uint8Array.of(0, 1, 2, 0, 0) // messageSync, step 2, an update of 2 bytes: no structs, no deletes
const rooms = new Map<string, Set<WebSocket>>()

const server = new WebSocketServer({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' })
server.on('connection', (socket, request) => {
  const path = (request.url ?? '/').split('?')[0]!
  let room = rooms.get(path)
  if (!room) rooms.set(path, (room = new Set()))
  const peers = room
  peers.add(socket)
  socket.on('message', (data: Buffer) => {
    if (data[0] === 0 && data[1] === 0) {
      socket.send(EMPTY_SYNC_STEP2)
      return
    }
    for (const peer of peers) if (peer !== socket) peer.send(data)
  })
  socket.on('close', () => {
    peers.delete(socket)
    if (peers.size === 0) rooms.delete(path)
  })
})
server.on('listening', () => console.log('relay listening'))
