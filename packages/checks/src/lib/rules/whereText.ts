import type { DocumentIndex } from '../DocumentIndex.ts'
import { joinList } from '../format/joinList.ts'
import { quote } from '../format/quote.ts'

/** " i ”Problem” och ”Orsaker”", or "" when a rule reads the whole document. */
export function whereText(index: DocumentIndex, keys: readonly string[] | undefined): string {
  if (keys === undefined) return ' i dokumentet'
  return ` i ${joinList(keys.map((key) => quote(index.titleOf(key))))}`
}
