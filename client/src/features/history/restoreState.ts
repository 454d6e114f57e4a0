import type { SectionDiff } from './versionsApi.ts'

/** What the version view offers for one of the version's sections. */
export type RestoreState = 'restorable' | 'unchanged' | 'gone'

/**
 * Whether restoring a version's section would change the document, from the version's comparison
 * with the current text (`comparison`, its `diff?against=current` sections; undefined when it could
 * not be had). A section removed since is not brought back by a restore. The comparison covers the
 * text's words, the title and the structured values; a change of formatting or spacing alone reads
 * as unchanged (the restore itself would bring it back).
 */
export function restoreState(sectionId: string, comparison: readonly SectionDiff[] | undefined): RestoreState {
  const change = comparison?.find((section) => section.id === sectionId)?.change
  if (change === 'removed') return 'gone'
  if (change === 'unchanged') return 'unchanged'
  return 'restorable'
}
