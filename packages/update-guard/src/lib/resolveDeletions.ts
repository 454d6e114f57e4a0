import * as Y from 'yjs'
import type { DocTargets } from './DocTargets.ts'
import type { ClientRun } from './groupByClient.ts'
import type { GuardFailure } from './GuardResult.ts'
import { findStructIndex } from './findStructIndex.ts'
import { guardFailure } from './guardFailure.ts'
import type { TargetSet } from './TargetSet.ts'

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/**
 * Adds the target of every live server item the delete set removes.
 *
 * Deleting a range nobody has is what Yjs keeps as a pending delete set, so it is a missing
 * dependency. Ranges the update itself inserts need no target of their own: their insertion
 * already reported it. Items already deleted on the server are left out, as deleting them
 * again changes nothing.
 */
export function resolveDeletions(
  doc: Y.Doc,
  docTargets: DocTargets,
  runs: Map<number, ClientRun>,
  ds: DeleteSet,
  out: TargetSet,
): GuardFailure | undefined {
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client)
    const available = Math.max(known, runs.get(client)?.end ?? 0)
    const structs = doc.store.clients.get(client) ?? []
    for (const { clock, len } of ranges) {
      if (clock + len > available) {
        return guardFailure(
          'missing-dependency',
          `update deletes ${client}:${clock}+${len}, which the server does not have`,
        )
      }
      const end = Math.min(clock + len, known)
      for (
        let index = clock < end ? findStructIndex(structs, clock) : -1;
        index >= 0 && index < structs.length;
        index++
      ) {
        const struct = structs[index]
        if (struct === undefined || struct.id.clock >= end) break
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const target = docTargets.ofItem(struct)
        if (target === undefined)
          return guardFailure(
            'missing-dependency',
            `the root of ${client}:${struct.id.clock} is not in the document`,
          )
        out.add(target)
      }
    }
  }
  return undefined
}
