import WebSocket from 'ws'
import * as Y from 'yjs'
import { decodeMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdateMessage } from '@samskriv/protocol'
import { waitFor } from './waitFor.ts'

/**
 * A y-protocols client written by hand (not the app's provider): it syncs, then lets a test send
 * arbitrary updates and frames, and records what the server sends and how it closes.
 */
export class RawClient {
  readonly doc = new Y.Doc()
  closeCode: number | undefined
  synced = false
  private constructor(readonly socket: WebSocket) {}

  static async connect(wsUrl: string, documentId: string, token: string | undefined): Promise<RawClient> {
    const socket = new WebSocket(`${wsUrl}/${documentId}${token ? `?token=${token}` : ''}`)
    socket.binaryType = 'arraybuffer'
    const client = new RawClient(socket)
    socket.on('message', (data: ArrayBuffer) => client.handle(new Uint8Array(data)))
    socket.on('close', (code) => {
      client.closeCode = code
    })
    socket.on('error', () => undefined)
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    socket.send(encodeSyncStep1(Y.encodeStateVector(client.doc)))
    return client
  }

  private handle(data: Uint8Array): void {
    const message = decodeMessage(data)
    if (message.type === 'sync-step1') {
      this.socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)))
    } else if (message.type === 'sync-step2') {
      Y.applyUpdate(this.doc, message.update, 'server')
      this.synced = true
    } else if (message.type === 'sync-update') {
      Y.applyUpdate(this.doc, message.update, 'server')
    }
  }

  async waitSynced(): Promise<void> {
    await waitFor(() => this.synced || this.closeCode !== undefined, 'raw client synced')
  }

  /** Makes a change locally and sends exactly the update it produced. */
  edit(change: (doc: Y.Doc) => void): Uint8Array {
    const before = Y.encodeStateVector(this.doc)
    change(this.doc)
    const update = Y.encodeStateAsUpdate(this.doc, before)
    this.sendUpdate(update)
    return update
  }

  sendUpdate(update: Uint8Array): void {
    this.socket.send(encodeUpdateMessage(update))
  }

  sendRaw(data: Uint8Array): void {
    this.socket.send(data)
  }

  async waitClosed(): Promise<number> {
    await waitFor(() => this.closeCode !== undefined, 'raw client closed')
    return this.closeCode as number
  }

  close(): void {
    this.socket.close()
  }
}
