import type { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import type { createNodeWebSocket } from '@hono/node-ws'
import type { WebSocket } from 'ws'
import { Connection, type Room } from '@samskriv/collab'
import { CloseCodes, userColor, type CloseEvent } from '@samskriv/protocol'
import type { AppEnv, Deps } from '../deps.ts'
import { isOwnOrigin } from '../http/middleware/sameOrigin.ts'
import { readToken, SESSION_COOKIE, userForToken } from '../http/middleware/session.ts'
import { sendBinary } from './sharedFrames.ts'

type UpgradeWebSocket = ReturnType<typeof createNodeWebSocket>['upgradeWebSocket']

/**
 * `GET /collab/:documentId`: the y-websocket endpoint, on the upgrade main.ts makes with @hono/node-ws.
 * Refusals are sent as close codes after the upgrade, because browsers cannot read the HTTP
 * status of a failed upgrade and the stock provider would otherwise retry blindly.
 */
export function collabRoute(app: Hono<AppEnv>, deps: Deps, upgradeWebSocket: UpgradeWebSocket): void {
  app.get(
    '/collab/:documentId',
    upgradeWebSocket(async (c) => {
      const documentId = c.req.param('documentId') ?? ''
      const changes = deps.live.changeCount
      const cookie = getCookie(c, SESSION_COOKIE)
      const origin = c.req.header('origin')
      const host = c.req.header('host')
      // Cookie-authenticated upgrades must come from our own pages (cross-site WebSocket hijacking).
      const originAllowed = !cookie || isOwnOrigin(origin, host, { allowedOrigins: deps.config.allowedOrigins, secure: deps.config.secureCookies })
      const found = originAllowed ? await userForToken(deps.store, readToken(c, cookie) ?? c.req.query('token')) : undefined
      const document = found && (await deps.store.findDocument(documentId))
      const member = found && document && (await deps.store.findMember(document.workspaceId, found.user.id))
      let refusal: CloseEvent | undefined
      if (!found) refusal = CloseCodes.unauthorized
      else if (!member) refusal = CloseCodes.notFound

      let room: Room | undefined
      let connection: Connection | undefined
      const early: Uint8Array[] = []
      return {
        onOpen(_event, ws) {
          if (refusal || !found || !member) {
            ws.close(refusal?.code ?? CloseCodes.unauthorized.code, refusal?.reason)
            return
          }
          const raw = ws.raw as WebSocket
          connection = new Connection(
            {
              send: (data) => sendBinary(raw, data),
              close: (code, reason) => ws.close(code, reason),
              // What `ws` and the TCP socket hold unsent: the connection closes a client that stops reading.
              get bufferedAmount() {
                return raw.bufferedAmount
              },
            },
            {
              userId: found.user.id,
              name: found.user.name,
              role: member.role,
              color: userColor(found.user.id),
              sessionHash: found.sessionHash,
              workspaceId: member.workspaceId,
            },
          )
          const opened = connection
          deps.rooms.open(documentId).then(
            (loaded) => {
              if (opened.closed) return deps.rooms.release(loaded)
              // A logout, role change or deletion since the lookup above: reconnecting looks again.
              if (deps.live.changedSince(changes)) {
                opened.close(CloseCodes.sessionChanged)
                return deps.rooms.release(loaded)
              }
              room = loaded
              loaded.connect(opened)
              for (const data of early.splice(0)) receive(loaded, opened, data)
            },
            () => opened.close(CloseCodes.storageUnavailable),
          )
          // Nothing above should throw; if it does, this connection ends, never the process.
          .catch((error: unknown) => {
            console.error(`Dokument ${documentId}: anslutningen kunde inte öppnas`, error)
            opened.close(CloseCodes.malformed)
          })
        },
        onMessage(event) {
          if (!connection) return
          const data = event.data
          const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : undefined
          if (!bytes) {
            connection.close(CloseCodes.malformed)
            return
          }
          if (room) receive(room, connection, bytes)
          else early.push(bytes)
        },
        onClose() {
          if (connection) connection.closed = true
          if (room && connection) {
            room.disconnect(connection)
            deps.rooms.release(room)
          }
        },
      }
    }),
  )
}

/**
 * Hands a frame to the room. The room closes the connection on frames it refuses; should it throw
 * anyway (a bug), the sender's connection is closed and the rest goes on.
 */
function receive(room: Room, connection: Connection, data: Uint8Array): void {
  try {
    room.receive(connection, data)
  } catch (error) {
    console.error(`Dokument ${room.documentId}: ett meddelande från ${connection.context.userId} kunde inte tas emot`, error)
    connection.close(CloseCodes.malformed)
  }
}
