import type { Role } from './roles.ts'
import { DISCARDED_ROOT, Root, sectionIdOfRoot, type WriteTarget } from './roots.ts'

/** What the permission table needs to know about the document besides the role. */
export interface PermissionContext {
  isLocked(sectionId: string): boolean
  /**
   * Whether a section of kind `plan` is locked. The plan is that section's content (kept in the
   * `plan` root, not in its text), so it shares the section's lock. Absent: never.
   */
  isPlanLocked?(): boolean
}

const writers: Record<string, readonly Role[]> = {
  [Root.meta]: ['coordinator'],
  [Root.outline]: ['coordinator', 'editor'],
  [Root.sections]: ['coordinator', 'editor'],
  [Root.fields]: ['coordinator', 'editor'],
  [Root.locks]: [], // written by the server only, through the lock API
  [Root.comments]: ['coordinator', 'editor', 'analyst'],
  [Root.plan]: ['coordinator', 'editor'],
  [Root.checks]: ['coordinator', 'analyst'],
  // An honest client sends discarded content after deleting, e.g., a paragraph it wrote offline.
  [DISCARDED_ROOT]: ['coordinator', 'editor', 'analyst'],
}

/** Keys of `meta` that only the server writes (with a restore, see DESIGN.md, Versions). */
const serverOnlyMetaKeys = new Set(['lastRestore'])

/** Roots whose top-level keys are section ids and so share the section's lock. */
const sectionKeyedRoots = new Set<string>([Root.sections, Root.fields])

/**
 * The one permission table: may `role` write `target`? Section locks included.
 * Unknown roots are refused: a client must not grow the document with roots nobody reads.
 */
export function mayWrite(role: Role, target: WriteTarget, context: PermissionContext): boolean {
  if (role === 'viewer') return false
  const sectionId = sectionIdOfRoot(target.root)
  if (sectionId !== undefined) {
    if (role === 'coordinator') return true
    return role === 'editor' && !context.isLocked(sectionId)
  }
  const allowed = writers[target.root]
  if (!allowed || !allowed.includes(role)) return false
  if (sectionKeyedRoots.has(target.root) && target.key !== undefined && role !== 'coordinator') {
    return !context.isLocked(target.key)
  }
  if (target.root === Root.plan && role !== 'coordinator') return !context.isPlanLocked?.()
  // Who restored what is told to everyone with the document open: only the server says it.
  if (target.root === Root.meta && target.key !== undefined && serverOnlyMetaKeys.has(target.key)) return false
  return true
}

/** The reason a write is refused, for the message sent to the client. */
export function refusalReason(role: Role, target: WriteTarget, context: PermissionContext): string {
  const sectionId = sectionIdOfRoot(target.root) ?? (sectionKeyedRoots.has(target.root) ? target.key : undefined)
  if (role === 'viewer') return 'Du har läsbehörighet och kan inte ändra dokumentet.'
  if (sectionId !== undefined && context.isLocked(sectionId)) return 'Avsnittet är låst för granskning.'
  if (target.root === Root.plan && context.isPlanLocked?.()) return 'Tidsplanen är låst för granskning.'
  if (target.root === Root.meta && target.key !== undefined && serverOnlyMetaKeys.has(target.key)) return 'Bara servern skriver vem som återställde en version.'
  return `Din roll får inte ändra ${target.root}.`
}
