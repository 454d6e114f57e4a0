import type { CloseEvent } from '@samskriv/protocol'

/** Thrown by a `beforeApplyUpdate` hook to refuse an update; the connection closes with `event`. */
export class UpdateRejectedError extends Error {
  override name = 'UpdateRejectedError'

  constructor(
    readonly event: CloseEvent,
    message: string,
  ) {
    super(message)
  }
}
