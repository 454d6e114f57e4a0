import type { WriteTarget } from '@samskriv/schema'

/** Why an update could not be resolved to targets. Neither is the client's permission problem. */
export interface GuardFailure {
  ok: false
  /** `malformed`: the bytes are not a v1 update we accept. `missing-dependency`: Yjs would park it. */
  code: 'malformed' | 'missing-dependency'
  message: string
}

/** Every root (and top-level key of a map root) an update would change, or why that is unknown. */
export type GuardResult = { ok: true; targets: WriteTarget[] } | GuardFailure
