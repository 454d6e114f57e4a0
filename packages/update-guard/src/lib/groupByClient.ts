import type { WriteTarget } from '@samskriv/schema'
import * as Y from 'yjs'
import type { GuardFailure } from './GuardResult.ts'
import { guardFailure } from './guardFailure.ts'
import { readBlockCount } from './readBlockCount.ts'

export type Struct = Y.Item | Y.GC | Y.Skip

/** One client's structs in an update, with the resolution state the guard builds as it walks them. */
export interface ClientRun {
  client: number
  structs: Struct[]
  /** Clock after the last struct. */
  end: number
  /** The server's state for this client: structs below it are already integrated there. */
  known: number
  /** Index of the first struct not yet resolved; structs are resolved in clock order, like Yjs does. */
  cursor: number
  /** Targets of each resolved struct, inherited by structs that name it as origin or parent. */
  resolved: (readonly WriteTarget[])[]
}

/**
 * Splits decoded structs into per-client runs and checks the shape Yjs can integrate without parking:
 * one block per client, no empty structs, no clock gap after what the server knows.
 */
export function groupByClient(
  doc: Y.Doc,
  update: Uint8Array,
  structs: Struct[],
): Map<number, ClientRun> | GuardFailure {
  const runs = new Map<number, ClientRun>()
  let run: ClientRun | undefined
  for (const struct of structs) {
    // A zero-length struct shares its clock with the next one and corrupts the store's binary search.
    if (struct.length <= 0) return guardFailure('malformed', 'update contains an empty struct')
    const { client, clock } = struct.id
    if (run?.client !== client) {
      if (runs.has(client))
        return guardFailure('malformed', `client ${client} appears in two blocks`)
      const known = Y.getState(doc.store, client)
      if (clock > known) {
        return guardFailure(
          'missing-dependency',
          `client ${client} starts at clock ${clock} but the server has ${known}`,
        )
      }
      run = { client, structs: [], end: clock, known, cursor: 0, resolved: [] }
      runs.set(client, run)
    }
    // Yjs skips a Skip: whatever it stands for must already be on the server.
    if (struct instanceof Y.Skip && struct.id.clock + struct.length > run.known) {
      return guardFailure(
        'missing-dependency',
        `client ${client} skips clocks the server does not have`,
      )
    }
    run.structs.push(struct)
    run.end = clock + struct.length
  }
  // Consecutive blocks of one client decode as one run; only the declared count gives them away.
  if (readBlockCount(update) !== runs.size) {
    return guardFailure(
      'malformed',
      'update declares a different number of client blocks than it holds',
    )
  }
  return runs
}
