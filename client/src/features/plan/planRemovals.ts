import * as Y from 'yjs'
import { readPlan, removeActivity } from '@samskriv/plan'

/** An activity this user removed, as the undo offer names it. */
export interface RemovedActivity {
  id: string
  title: string
}

/** This user's removals of plan activities, each one undoable on its own. */
export interface PlanRemovals {
  /** Removes the activity in one transaction of its own; null when it was not in the plan. */
  remove: (id: string) => RemovedActivity | null
  /** Brings back the latest removal not yet undone; returns it, or null when there is none. */
  undo: () => RemovedActivity | null
  destroy: () => void
}

const META_KEY = 'activity'

/**
 * Undo for "Ta bort" in the plan, built on a Y.UndoManager over the `plan` root that tracks
 * only this client's removals (their own transaction origin). Undoing re-inserts the deleted
 * row where it was, with every key it held (also keys a newer client wrote), and touches
 * nothing else: edits, additions and removals by others, and this user's other edits, are not
 * in the undo stack. Each removal is its own stack item (no capture window merging two).
 *
 * @example
 * const removals = createPlanRemovals(doc)
 * removals.remove(id)
 * removals.undo() // the activity is back, for everyone
 */
export function createPlanRemovals(doc: Y.Doc): PlanRemovals {
  const origin = { planRemoval: true }
  const manager = new Y.UndoManager(doc.getArray('plan'), { trackedOrigins: new Set([origin]), captureTimeout: 0 })
  return {
    remove(id) {
      const activity = readPlan(doc).find((entry) => entry.id === id)
      if (!activity) return null
      const before = manager.undoStack.length
      manager.stopCapturing()
      doc.transact(() => removeActivity(doc, id), origin)
      const item = manager.undoStack[manager.undoStack.length - 1]
      if (manager.undoStack.length === before || !item) return null
      const removed = { id, title: activity.title }
      item.meta.set(META_KEY, removed)
      return removed
    },
    undo() {
      const item = manager.undoStack[manager.undoStack.length - 1]
      if (!item) return null
      const removed = item.meta.get(META_KEY) as RemovedActivity | undefined
      manager.undo()
      return removed ?? null
    },
    destroy() {
      manager.destroy()
    },
  }
}
