import * as Y from 'yjs'
import { DocTargets } from './DocTargets.ts'
import { groupByClient, type Struct } from './groupByClient.ts'
import type { GuardResult } from './GuardResult.ts'
import { guardFailure } from './guardFailure.ts'
import { resolveDeletions } from './resolveDeletions.ts'
import { resolveInsertions } from './resolveInsertions.ts'
import { TargetSet } from './TargetSet.ts'

/**
 * Which roots, and which top-level keys of map roots, a v1 update would change if applied to `doc`.
 *
 * Pure: `doc` is only read. Anything inserted below a nested type counts for the root and
 * top-level key that type lives under. An update Yjs could not fully integrate right now
 * (it would park structs or deletions) is a `missing-dependency`, because the server never keeps
 * pending structs; bytes that do not decode are `malformed`. Never throws.
 *
 * @example
 * const result = touchedTargets(serverDoc, update)
 * if (result.ok) console.log(result.targets) // [{ root: 'section:intro' }, { root: 'sections', key: 'intro' }]
 */
export function touchedTargets(doc: Y.Doc, update: Uint8Array): GuardResult {
  let decoded: { structs: Struct[]; ds: ReturnType<typeof Y.decodeUpdate>['ds'] }
  try {
    decoded = Y.decodeUpdate(update)
  } catch (error) {
    return guardFailure(
      'malformed',
      `update does not decode: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  try {
    const runs = groupByClient(doc, update, decoded.structs)
    if (!(runs instanceof Map)) return runs
    const docTargets = new DocTargets(doc)
    const targets = new TargetSet()
    const failure =
      resolveInsertions(doc, docTargets, runs, targets) ??
      resolveDeletions(doc, docTargets, runs, decoded.ds, targets)
    return failure ?? { ok: true, targets: targets.toArray() }
  } catch (error) {
    // Decoding succeeded but the structs are not what any Yjs encoder writes (e.g. an ID where a
    // type was expected). The guard answers for every input, so this is malformed, not a crash.
    return guardFailure(
      'malformed',
      `update is inconsistent: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}
