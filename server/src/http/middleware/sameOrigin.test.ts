import { Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { errorHandler } from './errors.ts'
import { isOwnOrigin, sameOrigin } from './sameOrigin.ts'

function appWith(rules: Parameters<typeof sameOrigin>[0]) {
  const app = new Hono()
  app.onError(errorHandler())
  app.use('*', sameOrigin(rules))
  app.post('/x', (c) => c.json({ ok: true }))
  return app
}
const post = (app: Hono, origin: string | undefined, host = 'samskriv.example') =>
  app.request('/x', { method: 'POST', headers: { host, ...(origin ? { origin } : {}) } })

describe('sameOrigin', () => {
  it('takes our own origin, an allowed one and requests without Origin; refuses others and null', async () => {
    const app = appWith({ allowedOrigins: ['https://intranat.example'], secure: false })
    expect((await post(app, 'http://samskriv.example')).status).toBe(200)
    expect((await post(app, 'https://samskriv.example')).status).toBe(200)
    expect((await post(app, 'https://intranat.example')).status).toBe(200)
    expect((await post(app, undefined)).status).toBe(200)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect((await post(app, 'https://evil.example')).status).toBe(403)
    expect((await post(app, 'null')).status).toBe(403)
    vi.restoreAllMocks()
  })

  it('takes only https from our host when served over HTTPS', () => {
    const rules = { allowedOrigins: [], secure: true }
    expect(isOwnOrigin('https://samskriv.example', 'samskriv.example', rules)).toBe(true)
    expect(isOwnOrigin('http://samskriv.example', 'samskriv.example', rules)).toBe(false)
  })

  it('names a refused origin and the host in the log once, so a proxy that rewrites Host is found', async () => {
    const app = appWith({ allowedOrigins: [], secure: true })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      // nginx `proxy_set_header Host $host` behind port 8443 drops the port from Host.
      for (let i = 0; i < 3; i++) expect((await post(app, 'https://samskriv.example:8443')).status).toBe(403)
      expect(warn).toHaveBeenCalledTimes(1)
      expect(warn.mock.calls[0]![0]).toContain('https://samskriv.example:8443')
      expect(warn.mock.calls[0]![0]).toContain('$http_host')
    } finally {
      warn.mockRestore()
    }
  })
})
