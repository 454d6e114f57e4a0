import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** An error the API reports as `{ error: { code, message } }` with its status. */
export class ApiError extends Error {
  override name = 'ApiError'

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }

  static badRequest = (message: string, code = 'bad_request') => new ApiError(400, code, message)
  static unauthorized = (message = 'Du behöver logga in.') => new ApiError(401, 'unauthorized', message)
  static forbidden = (message = 'Din roll får inte göra detta.') => new ApiError(403, 'forbidden', message)
  static notFound = (message = 'Hittades inte.') => new ApiError(404, 'not_found', message)
  static conflict = (message: string, code = 'conflict') => new ApiError(409, code, message)
}
