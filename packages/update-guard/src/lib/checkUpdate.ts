import {
  mayWrite,
  refusalReason,
  type PermissionContext,
  type Role,
  type WriteTarget,
} from '@samskriv/schema'
import type * as Y from 'yjs'
import type { GuardFailure } from './GuardResult.ts'
import { touchedTargets } from './touchedTargets.ts'

/** The guard's verdict on one incoming update. */
export type CheckResult =
  | { ok: true; targets: WriteTarget[] }
  | GuardFailure
  | { ok: false; code: 'forbidden'; message: string; target: WriteTarget }

/**
 * May `role` apply `update` to `doc`? Accepts only if every target the update touches is writable
 * under the permission table and the current section locks. A rejected update is rejected whole.
 *
 * @example
 * const verdict = checkUpdate(doc, update, 'editor', { isLocked: (id) => locks.has(id) })
 * if (!verdict.ok) return reject(verdict.code, verdict.message)
 * Y.applyUpdate(doc, update)
 */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  role: Role,
  context: PermissionContext,
): CheckResult {
  const result = touchedTargets(doc, update)
  if (!result.ok) return result
  for (const target of result.targets) {
    if (!mayWrite(role, target, context)) {
      return { ok: false, code: 'forbidden', message: refusalReason(role, target, context), target }
    }
  }
  return result
}
