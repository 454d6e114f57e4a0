import type { SectionDiff } from './versionsApi.ts'

/** What the version view offers for one of the version's sections. */
export type RestoreState = 'restorable' | 'unchanged' | 'gone'

/**
 * Whether restoring a version's section would change the document, from the version's comparison
 * with the current text (`comparison`, its `diff?against=current` sections; undefined when it could
 * not be had). A section removed since is not brought back by a restore. The comparison covers text
 * and title only, so a section with structured values stays restorable: the server restores those
 * too, and leaves a section alone when nothing differs.
 */
export function restoreState(sectionId: string, comparison: readonly SectionDiff[] | undefined, structured: boolean): RestoreState {
  const change = comparison?.find((section) => section.id === sectionId)?.change
  if (change === 'removed') return 'gone'
  if (change === 'unchanged' && !structured) return 'unchanged'
  return 'restorable'
}
