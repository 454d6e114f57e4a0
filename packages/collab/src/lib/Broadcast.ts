import type { Connection } from './Connection.ts'

/** Connections a broadcast sends to before it lets the event loop read what arrived meanwhile. */
export const BROADCAST_SLICE = 100

/**
 * A room's broadcasts of stored updates, in the order they were stored, each sent a slice of
 * connections at a time. A broadcast to 500 sockets takes about 4 ms; sent in one go, an update
 * that arrives meanwhile is read only afterwards and then still waits for its own fsync. Between
 * slices the event loop reads it, so the room applies and stores it while this broadcast goes
 * on, and it is sent as soon as this one is done. A room of up to one slice is sent at once.
 */
export class Broadcast {
  private last: Promise<void> = Promise.resolve()
  private sending = 0

  constructor(private readonly sliceSize = BROADCAST_SLICE) {}

  /** Sends `frame` to every connection that is in `connections` now, after any broadcast still going out. */
  send(connections: Iterable<Connection>, frame: Uint8Array): void {
    const recipients = [...connections]
    if (this.sending === 0 && recipients.length <= this.sliceSize) {
      for (const connection of recipients) connection.send(frame)
      return
    }
    this.sending++
    this.last = this.last
      .then(() => this.sendInSlices(recipients, frame))
      .finally(() => void this.sending--)
  }

  /** Resolves once every broadcast started so far has gone out. */
  idle(): Promise<void> {
    return this.last
  }

  private async sendInSlices(recipients: Connection[], frame: Uint8Array): Promise<void> {
    for (let start = 0; start < recipients.length; start += this.sliceSize) {
      if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve))
      const end = Math.min(start + this.sliceSize, recipients.length)
      for (let index = start; index < end; index++) recipients[index]!.send(frame)
    }
  }
}
