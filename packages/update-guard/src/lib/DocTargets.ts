import type { WriteTarget } from '@samskriv/schema'
import type * as Y from 'yjs'
import { rootNameOf } from './rootNameOf.ts'

type AnyType = Y.AbstractType<unknown>

/**
 * Maps items already integrated in the server document to the target they belong to: the root
 * and, for an item nested anywhere below a map entry, that entry's top-level key.
 *
 * One instance serves one guard call; it memoises per nested type because a deleted range or a
 * paragraph of typing usually hits many items of the same type.
 */
export class DocTargets {
  private readonly byNestedType = new Map<AnyType, WriteTarget | undefined>()

  constructor(private readonly doc: Y.Doc) {}

  /** Undefined when the item's top-level type is not a root of the document (a broken store). */
  ofItem(item: Y.Item): WriteTarget | undefined {
    // Integrated items always hold their parent type (decoded ones hold an ID or a name instead).
    const parent = item.parent as AnyType
    if (parent._item === null) return this.target(parent, item.parentSub)
    if (this.byNestedType.has(parent)) return this.byNestedType.get(parent)
    const target = this.ofNestedType(parent)
    this.byNestedType.set(parent, target)
    return target
  }

  private ofNestedType(type: AnyType): WriteTarget | undefined {
    let current = type
    let key: string | null = null
    for (let item = current._item; item !== null; item = current._item) {
      key = item.parentSub
      current = item.parent as AnyType
    }
    return this.target(current, key)
  }

  private target(root: AnyType, key: string | null): WriteTarget | undefined {
    const name = rootNameOf(this.doc, root)
    if (name === undefined) return undefined
    return key === null ? { root: name } : { root: name, key }
  }
}
