import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv, Deps } from './deps.ts'
import { ApiError } from './http/ApiError.ts'
import { errorHandler, notFoundHandler } from './http/middleware/errors.ts'
import { sameOrigin } from './http/middleware/sameOrigin.ts'
import { securityHeaders } from './http/middleware/securityHeaders.ts'
import { session } from './http/middleware/session.ts'
import { authRoutes } from './http/routes/auth.ts'
import { documentRoutes } from './http/routes/documents.ts'
import { exportRoutes } from './http/routes/exports.ts'
import { invitationRoutes } from './http/routes/invitations.ts'
import { versionRoutes } from './http/routes/versions.ts'
import { mentionRoutes } from './http/routes/mentions.ts'
import { workspaceRoutes } from './http/routes/workspaces.ts'

/** Builds the HTTP app (API only; static files and WebSockets are mounted by main.ts). Never listens. */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.onError(errorHandler())
  app.use('*', securityHeaders())
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new ApiError(413, 'too_large', 'Förfrågan är för stor.')
      },
    }),
  )
  app.use('/api/*', sameOrigin({ allowedOrigins: deps.config.allowedOrigins, secure: deps.config.secureCookies }))
  // Not on /collab: the WebSocket upgrade looks its session up itself (collabRoute).
  app.use('/api/*', session({ store: deps.store }))
  app.get('/api/health', (c) => c.json({ ok: true }))
  // Readiness for a load balancer: the database answers (health only says the process is up).
  app.get('/api/ready', async (c) => {
    try {
      await deps.store.findUserById('readiness-probe')
      return c.json({ ready: true })
    } catch {
      return c.json({ error: { code: 'not_ready', message: 'Databasen svarar inte.' } }, 503)
    }
  })
  app.route('/api/auth', authRoutes(deps))
  app.route('/api/workspaces', workspaceRoutes(deps))
  app.route('/api/invitations', invitationRoutes(deps))
  app.route('/api/documents', documentRoutes(deps))
  app.route('/api/documents', exportRoutes(deps))
  app.route('/api/documents', versionRoutes(deps))
  app.route('/api/mentions', mentionRoutes(deps))
  app.notFound(notFoundHandler())
  return app
}
