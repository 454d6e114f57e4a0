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
          connection = new Connection(
            { send: (data) => sendBinary(ws.raw as WebSocket, data), close: (code, reason) => ws.close(code, reason) },
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
              for (const data of early.splice(0)) loaded.receive(opened, data)
            },
            () => opened.close(CloseCodes.storageUnavailable),
          )
        },
        onMessage(event) {
          if (!connection) return
          const data = event.data
          const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : undefined
          if (!bytes) {
            connection.close(CloseCodes.malformed)
            return
          }
          if (room) room.receive(connection, bytes)
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
