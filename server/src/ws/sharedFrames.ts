import type { Socket } from 'node:net'
import { WebSocket } from 'ws'

/**
 * A room broadcasts one message object to every socket in it. `ws` frames each send anew (a header
 * allocation and a two-buffer writev per socket); here the frame is built once per message and the
 * same bytes are written to every socket: at 500 sockets that is about 14 % of the broadcast's cost,
 * which is most of the server's work per update.
 *
 * Frames are kept per message object only while the message is referenced (the room drops it after
 * its broadcast). Large messages (a whole document sent to one new client) go through `ws` as
 * usual: copying them into a frame would cost more than the framing saves.
 */
const MAX_SHARED_BYTES = 16 * 1024
const frames = new WeakMap<Uint8Array, Buffer>()

/** The parts of a `ws` socket the shortcut relies on; if one is missing, `ws.send` is used. */
interface WsInternals {
  _socket?: Socket | null
  _sender?: { _state?: number; _queue?: unknown[]; _firstFragment?: boolean }
}

/** Sends `data` as one binary message on `socket`. */
export function sendBinary(socket: WebSocket, data: Uint8Array): void {
  const internals = socket as unknown as WsInternals
  const stream = internals._socket
  const sender = internals._sender
  // Writing past ws is safe only while its sender holds nothing back: no compression negotiated
  // (deflate queues frames), nothing queued (ws queues while reading a Blob, which we never send)
  // and no fragmented message half sent.
  const direct =
    data.byteLength <= MAX_SHARED_BYTES &&
    socket.readyState === WebSocket.OPEN &&
    socket.extensions === '' &&
    stream?.writable === true &&
    sender?._state === 0 &&
    sender._queue?.length === 0 &&
    sender._firstFragment === true
  if (!direct) {
    socket.send(data)
    return
  }
  stream.write(sharedFrame(data))
}

/** The frame of `data`, built on its first send and reused for every further send of the same object. */
export function sharedFrame(data: Uint8Array): Buffer {
  let frame = frames.get(data)
  if (!frame) {
    frame = binaryFrame(data)
    frames.set(data, frame)
  }
  return frame
}

/** One unmasked, final binary frame (RFC 6455 §5.2) of a payload under 64 KiB, as a server sends it. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength
  if (length >= 65536) throw new RangeError('frame payload too large for a 16-bit length')
  const headerBytes = length < 126 ? 2 : 4
  const frame = Buffer.allocUnsafe(headerBytes + length)
  frame[0] = 0x82 // FIN, opcode 2 (binary)
  if (length < 126) frame[1] = length
  else {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  }
  frame.set(payload, headerBytes)
  return frame
}
