import { randomUUID } from 'node:crypto'
import type { Room, RoomExtension, RoomRegistry } from '@samskriv/collab'
import { Redis } from 'ioredis'
import { isLiveChange, type LiveChange, type LiveSessions } from '../services/LiveSessions.ts'
import { catchUpRooms } from './catchUpRooms.ts'

const CHANNEL_PREFIX = 'samskriv:doc:'
/** Logouts, role changes and deletions, which every instance's open sockets must follow. */
const LIVE_CHANNEL = 'samskriv:live'

interface LiveMessage {
  instanceId: string
  change: LiveChange
}

interface FanoutMessage {
  instanceId: string
  documentId: string
  kind: 'update' | 'awareness'
  /** base64 */
  update: string
}

export interface RedisFanout {
  /** The room extension that publishes stored updates and local presence. */
  extension: RoomExtension
  /**
   * Starts applying other instances' messages: updates and presence to the open rooms of `rooms`,
   * logouts, role changes and deletions to `live` (and relays this instance's own to the others).
   */
  start(rooms: RoomRegistry, live: LiveSessions): Promise<void>
  close(): Promise<void>
}

/** Logs a connection's errors at most once per 10 s, so an outage does not flood the log. */
function quietErrors(client: Redis, name: string): void {
  let lastLog = 0
  client.on('error', (error: Error) => {
    const now = Date.now()
    if (now - lastLog < 10_000) return
    lastLog = now
    console.error(`Redis (${name}): ${error.message}`)
  })
  client.on('ready', () => {
    if (lastLog !== 0) console.log(`Redis (${name}) är tillbaka.`)
    lastLog = 0
  })
}

/** A message's fields, or undefined when it is not a JSON object (anyone with access to Redis can publish). */
function readMessage<T>(raw: string): Partial<T> | undefined {
  try {
    const value: unknown = JSON.parse(raw)
    return typeof value === 'object' && value !== null ? (value as Partial<T>) : undefined
  } catch {
    return undefined
  }
}

/** Checks every open socket against the database, trying again with backoff while it cannot be read. */
async function revalidateUntilDone(live: LiveSessions, stopped: () => boolean): Promise<void> {
  for (let wait = 500; !stopped(); wait = Math.min(wait * 2, 30_000)) {
    try {
      const closed = await live.revalidate()
      console.log(`Redis: ${closed} anslutningar stängda efter ändringar under avbrottet.`)
      return
    } catch (error) {
      console.error(`Redis: kunde inte pröva de öppna anslutningarna igen (${error instanceof Error ? error.message : String(error)}); försöker igen.`)
      await new Promise((resolve) => setTimeout(resolve, wait).unref())
    }
  }
}

function openRooms(rooms: RoomRegistry): Room[] {
  return rooms.openDocumentIds().flatMap((documentId) => rooms.peek(documentId) ?? [])
}

/**
 * Scale-out: instances sharing one database fan out stored updates and presence through Redis
 * pub/sub. Messages are never stored again by the receiver (the sender already stored them).
 * Redis being down never stops local editing: publishing fails fast and is logged, ioredis
 * reconnects (and resubscribes) by itself. Messages published meanwhile are lost, so once the
 * subscription is back every open room catches up from the store (a receiver would otherwise
 * only notice the gap when the next update arrives, and a quiet document never would). Until
 * then clients are told (the server's presence state) that others' edits may not reach them.
 */
export function redisFanout(redisUrl: string, instanceId = randomUUID()): RedisFanout {
  // Updates and presence fail at once while disconnected instead of piling up in memory: the
  // receivers catch up from the database. A logout, role change or deletion cannot be caught up
  // that way, and they come at a human rate: those wait in their own connection's queue and are
  // sent (or resent, if one was in flight) once it is back.
  const publisher = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  const livePublisher = new Redis(redisUrl, { maxRetriesPerRequest: null })
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null })
  quietErrors(publisher, 'publicering')
  quietErrors(livePublisher, 'publicering av sessionsändringar')
  quietErrors(subscriber, 'prenumeration')

  let closed = false
  let lastPublishError = 0
  /** From losing the subscription until the rooms have caught up after it is back. */
  let subscriptionLost = false
  function publish(documentId: string, kind: FanoutMessage['kind'], update: Uint8Array): void {
    const message: FanoutMessage = { instanceId, documentId, kind, update: Buffer.from(update).toString('base64') }
    send(CHANNEL_PREFIX + documentId, message)
  }
  function send(channel: string, message: FanoutMessage | LiveMessage, via = publisher): void {
    via.publish(channel, JSON.stringify(message)).catch((error: unknown) => {
      const now = Date.now()
      if (now - lastPublishError < 10_000) return
      lastPublishError = now
      console.error(`Redis: kunde inte publicera (${error instanceof Error ? error.message : String(error)})`)
    })
  }

  return {
    extension: {
      onLoadDocument({ room }) {
        room.shared = true
        if (subscriptionLost) room.reportService('fanout', false)
      },
      afterStoreUpdate({ room, update }) {
        // Not awaited: a slow or absent Redis must not hold up the room's queue.
        publish(room.documentId, 'update', update)
      },
      afterAwarenessUpdate({ room, update }) {
        publish(room.documentId, 'awareness', update)
      },
    },
    async start(rooms, live) {
      live.relayTo((change) => send(LIVE_CHANNEL, { instanceId, change }, livePublisher))
      subscriber.on('message', (_channel: string, raw: string) => {
        const message = readMessage<LiveMessage>(raw)
        if (!message || message.instanceId === instanceId || !isLiveChange(message.change)) return
        try {
          live.apply(message.change)
        } catch (error) {
          console.error('Redis: sessionsändring kunde inte tillämpas', error)
        }
      })
      subscriber.on('pmessage', (_pattern: string, _channel: string, raw: string) => {
        const message = readMessage<FanoutMessage>(raw)
        if (!message || message.instanceId === instanceId || typeof message.documentId !== 'string' || typeof message.update !== 'string') return
        const room = rooms.peek(message.documentId)
        if (!room) return
        const update = new Uint8Array(Buffer.from(message.update, 'base64'))
        try {
          if (message.kind === 'awareness') room.applyRemoteAwareness(update)
          else room.applyRemote(update).catch((error: unknown) => console.error('Redis: fjärruppdatering misslyckades', error))
        } catch (error) {
          console.error('Redis: fjärruppdatering misslyckades', error)
        }
      })
      subscriber.on('close', () => {
        if (subscriptionLost) return
        subscriptionLost = true
        for (const room of openRooms(rooms)) room.reportService('fanout', false)
      })
      subscriber.on('ready', () => {
        if (!subscriptionLost) return
        // ioredis resubscribes after emitting 'ready'; subscribing again (idempotent) and waiting
        // for the answer means the subscription is live before the rooms read the store.
        Promise.all([subscriber.psubscribe(`${CHANNEL_PREFIX}*`), subscriber.subscribe(LIVE_CHANNEL)])
          .then(() => {
            // Rooms loaded from now on read the store after the subscription is live: no notice.
            subscriptionLost = false
            // Logouts, role changes and deletions published meanwhile are lost: check every socket.
            void revalidateUntilDone(live, () => closed)
            return catchUpRooms(rooms, { subscriptionLost: () => subscriptionLost })
          })
          .then(({ caughtUp, open }) => console.log(`Redis: ${caughtUp} av ${open} öppna dokument ikapp efter återanslutning.`))
          .catch((error: unknown) => console.error('Redis: kunde inte prenumerera igen', error))
      })
      // Wait a little for the subscription so a fresh instance does not miss the first messages,
      // but start anyway when Redis is down.
      const subscribed = Promise.all([subscriber.psubscribe(`${CHANNEL_PREFIX}*`), subscriber.subscribe(LIVE_CHANNEL)])
      subscribed.catch((error: unknown) => console.error('Redis: kunde inte prenumerera', error))
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 3_000).unref())
      if ((await Promise.race([subscribed.then(() => 'ok' as const, () => 'failed' as const), timeout])) !== 'ok') {
        console.error('Redis: ingen prenumeration ännu; fortsätter utan och försöker igen i bakgrunden.')
      }
    },
    async close() {
      closed = true
      publisher.disconnect()
      livePublisher.disconnect()
      subscriber.disconnect()
    },
  }
}
