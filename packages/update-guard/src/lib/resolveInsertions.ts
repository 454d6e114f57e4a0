import { DISCARDED_ROOT, type WriteTarget } from '@samskriv/schema'
import * as Y from 'yjs'
import type { DocTargets } from './DocTargets.ts'
import type { ClientRun, Struct } from './groupByClient.ts'
import type { GuardFailure } from './GuardResult.ts'
import { findStructIndex } from './findStructIndex.ts'
import { guardFailure } from './guardFailure.ts'
import type { TargetSet } from './TargetSet.ts'

/** A struct that waits for a struct of another client in the same update. */
interface Blocked {
  run: ClientRun
  index: number
}

type Lookup = readonly WriteTarget[] | Blocked | GuardFailure

const NOTHING: readonly WriteTarget[] = []
/** Content Yjs garbage-collects on arrival: a GC struct, or an item next to or inside one. */
const DISCARDED: readonly WriteTarget[] = [{ root: DISCARDED_ROOT }]

interface Context {
  doc: Y.Doc
  docTargets: DocTargets
  runs: Map<number, ClientRun>
}

/**
 * Resolves the target of every struct the update inserts and adds the new ones to `out`.
 *
 * Structs may name structs of other clients that come later in the update, so this walks the
 * runs with a stack the way Yjs's `integrateStructs` does: a struct waiting for another client
 * pushes that client until the needed struct is resolved. A client needed while it is itself
 * waiting is a cycle, which Yjs would park, so it is a missing dependency. Each struct is retried
 * at most once per dependency, so this stays linear in the size of the update.
 */
export function resolveInsertions(
  doc: Y.Doc,
  docTargets: DocTargets,
  runs: Map<number, ClientRun>,
  out: TargetSet,
): GuardFailure | undefined {
  const context: Context = { doc, docTargets, runs }
  const waiting = new Set<ClientRun>()
  for (const first of runs.values()) {
    const stack: Blocked[] = [{ run: first, index: first.structs.length - 1 }]
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Blocked
      const { run } = top
      if (run.cursor > top.index) {
        stack.pop()
        const below = stack[stack.length - 1]
        if (below !== undefined) waiting.delete(below.run)
        continue
      }
      const struct = run.structs[run.cursor] as Struct
      const result = resolveStruct(context, run, struct)
      if ('ok' in result) return result
      if ('run' in result) {
        if (waiting.has(result.run) || result.run === run) {
          return guardFailure(
            'missing-dependency',
            `structs of clients ${run.client} and ${result.run.client} wait for each other`,
          )
        }
        waiting.add(run)
        stack.push(result)
        continue
      }
      run.resolved.push(result)
      run.cursor += 1
      // Structs the server already holds are dropped by Yjs; only the new part changes anything.
      if (struct.id.clock + struct.length > run.known) out.addAll(result)
    }
  }
  return undefined
}

function resolveStruct(context: Context, run: ClientRun, struct: Struct): Lookup {
  // A Skip stands for structs the server has (groupByClient refuses any other). A GC inserts
  // nothing visible but is still written, under its own target.
  if (struct instanceof Y.Skip) return NOTHING
  if (!(struct instanceof Y.Item)) return DISCARDED
  const targets: WriteTarget[] = []
  const parent: unknown = struct.parent
  if (typeof parent === 'string') {
    targets.push(
      struct.parentSub === null ? { root: parent } : { root: parent, key: struct.parentSub },
    )
  }
  // Yjs takes the parent from the left neighbour, else the right one. An honest client's
  // neighbours are siblings, so they agree; an item whose neighbours lie under different roots or
  // keys is forged, and refused: the checks that look at values (comment authorship, approval)
  // would otherwise judge it where it does not land.
  for (const dependency of [
    parent instanceof Y.ID ? parent : null,
    struct.origin,
    struct.rightOrigin,
  ]) {
    if (dependency === null) continue
    const found = lookup(context, struct, dependency)
    if (!Array.isArray(found)) return found
    // Yjs turns an item whose neighbour or parent is a GC into a GC, wherever its other one is.
    if (found === DISCARDED) return DISCARDED
    targets.push(...found)
  }
  // Part of the struct is already on the server: Yjs integrates the rest after the server's own
  // copy of the previous clock, whatever the struct says its origin is.
  if (struct.id.clock < run.known && struct.id.clock + struct.length > run.known) {
    const previous = lookup(context, struct, Y.createID(run.client, run.known - 1))
    if (!Array.isArray(previous)) return previous
    // Yjs throws half-way through integrating such a struct after a GC, keeping what it had
    // applied before: never let it try. The client reloads (4409) and offers its unsaved text.
    if (previous === DISCARDED) {
      return guardFailure('missing-dependency', `item ${struct.id.client}:${struct.id.clock} continues content the server has collected`)
    }
    targets.push(...previous)
  }
  if (targets.some((target) => target.root !== targets[0]?.root || target.key !== targets[0]?.key)) {
    return guardFailure('malformed', `item ${struct.id.client}:${struct.id.clock} names neighbours in different places`)
  }
  return targets
}

function lookup(context: Context, struct: Y.Item, id: Y.ID): Lookup {
  const { client, clock } = id
  const serverStructs = context.doc.store.clients.get(client)
  const known = Y.getState(context.doc.store, client)
  if (clock < known && serverStructs !== undefined) {
    const found = serverStructs[findStructIndex(serverStructs, clock)]
    if (found === undefined)
      return guardFailure('missing-dependency', `the server has no struct at ${client}:${clock}`)
    if (!(found instanceof Y.Item)) return DISCARDED
    const target = context.docTargets.ofItem(found)
    return target === undefined
      ? guardFailure('missing-dependency', `the root of ${client}:${clock} is not in the document`)
      : [target]
  }
  const run = context.runs.get(client)
  // Yjs integrates one client's structs in clock order, so a struct cannot depend on its own future.
  const ownFuture = client === struct.id.client && clock >= struct.id.clock
  if (run === undefined || clock >= run.end || ownFuture) {
    return guardFailure(
      'missing-dependency',
      `update refers to ${client}:${clock}, which the server does not have`,
    )
  }
  const index = findStructIndex(run.structs, clock)
  if (index < 0)
    return guardFailure('malformed', `client ${client} has no struct at clock ${clock}`)
  return index < run.cursor ? (run.resolved[index] ?? NOTHING) : { run, index }
}
