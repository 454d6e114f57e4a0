import type { ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ApiError } from '../ApiError.ts'
import { isStorageUnavailable } from './isStorageUnavailable.ts'

/** Every failure becomes `{ error: { code, message } }`; unexpected ones are logged, never leaked. */
export function errorHandler(): ErrorHandler {
  return (error, c) => {
    if (error instanceof ApiError) {
      return c.json({ error: { code: error.code, message: error.message } }, error.status)
    }
    if (error instanceof HTTPException) {
      return c.json({ error: { code: 'http_error', message: error.message } }, error.status)
    }
    if (isStorageUnavailable(error)) {
      console.warn(`503 ${c.req.method} ${c.req.path}: ${error.message}`)
      c.header('Retry-After', '5')
      return c.json({ error: { code: 'storage_unavailable', message: 'Databasen går inte att nå just nu. Försök igen om en stund.' } }, 503)
    }
    console.error(error)
    return c.json({ error: { code: 'internal', message: 'Något gick fel på servern.' } }, 500)
  }
}

export function notFoundHandler(): NotFoundHandler {
  return (c) => c.json({ error: { code: 'not_found', message: 'Hittades inte.' } }, 404)
}
