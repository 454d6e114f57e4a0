import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { createNodeWebSocket } from '@hono/node-ws'
import { RoomRegistry } from '@samskriv/collab'
import { createApp } from './app.ts'
import { loadConfig } from './config.ts'
import type { Deps } from './deps.ts'
import { autoVersions } from './extensions/autoVersions.ts'
import { clientIdBinding } from './extensions/clientIdBinding.ts'
import { documentActivity } from './extensions/documentActivity.ts'
import { mentions as recordMentions } from './extensions/mentions.ts'
import { permissions } from './extensions/permissions.ts'
import { redisFanout } from './extensions/redisFanout.ts'
import { openStores } from './openStores.ts'
import { LiveSessions } from './services/LiveSessions.ts'
import { LoginThrottle } from './services/LoginThrottle.ts'
import { ClientAuthors } from './services/versionsAuthors.ts'
import { collabRoute } from './ws/upgrade.ts'
import { keepSocketsAlive } from './ws/heartbeat.ts'

// The composition root: the only place that knows every part and their order.
const config = loadConfig()
const { store, documents, mentions, versions, clientIds, close: closeStores } = await openStores(config)
// Scale-out: with REDIS_URL, instances sharing the database fan out updates and presence.
const fanout = config.redisUrl ? redisFanout(config.redisUrl) : undefined
const clientAuthors = new ClientAuthors()
const activity = documentActivity(store)
const rooms = new RoomRegistry({
  store: documents,
  // Order matters: permissions decide before anything is applied, and the fan-out publishes
  // before the slower bookkeeping (versions, mentions) runs.
  extensions: [
    permissions(),
    clientIdBinding(clientIds),
    ...(fanout ? [fanout.extension] : []),
    activity,
    autoVersions(versions, { intervalMs: config.versionIntervalMs, clientAuthors }),
    recordMentions(mentions, store),
  ],
  limits: config.limits,
  unloadAfterMs: config.unloadAfterMs,
  compactAfter: config.compactAfter,
  hibernateAfterMs: config.hibernateAfterMs,
})
const live = new LiveSessions(rooms, store)
await fanout?.start(rooms, live)
const deps: Deps = { config, store, documents, versions, clientAuthors, mentions, rooms, throttle: new LoginThrottle(), live }

const app = createApp(deps)
const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app })
// ws' default maxPayload is 100 MiB; a larger frame closes the socket with 1009 before it is buffered.
wss.options.maxPayload = config.limits.maxFrameBytes
if (config.heartbeatMs > 0) keepSocketsAlive(wss, config.heartbeatMs)
collabRoute(app, deps, upgradeWebSocket)

if (existsSync(config.clientDir)) {
  const root = relative(process.cwd(), config.clientDir)
  const shell = serveStatic({ root, path: 'index.html' })
  app.use('/*', serveStatic({ root }))
  // Client-side routes (/w/…, /d/…) get the app shell; unknown API paths keep their JSON 404.
  app.get('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : shell(c, next)))
} else {
  console.warn(`Klientens filer saknas i ${config.clientDir}: kör "pnpm build" för att bygga dem.`)
}

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Samskriv lyssnar på http://${info.address}:${info.port}`)
})
injectWebSocket(server)

let shuttingDown = false
/** Stops taking connections, unloads every room (compacting), flushes, closes the stores; a step that fails does not stop the next. */
async function shutdown() {
  if (shuttingDown) return
  shuttingDown = true
  server.close()
  for (const [step, run] of [
    ['rooms', () => rooms.closeAll()],
    ['activity', () => activity.flush()],
    ['fan-out', async () => fanout?.close()],
    ['stores', () => closeStores()],
  ] as const) {
    try {
      await run()
    } catch (error) {
      console.error(`Avstängning: ${step} kunde inte stängas`, error)
    }
  }
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown())
process.on('SIGINT', () => void shutdown())
