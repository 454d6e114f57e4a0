import type { WriteTarget } from '@samskriv/schema'

/** Deduplicates targets by (root, key); a key-less target is distinct from every keyed one. */
export class TargetSet {
  private readonly keysByRoot = new Map<string, Set<string | undefined>>()

  add(target: WriteTarget): void {
    let keys = this.keysByRoot.get(target.root)
    if (keys === undefined) {
      keys = new Set()
      this.keysByRoot.set(target.root, keys)
    }
    keys.add(target.key)
  }

  addAll(targets: Iterable<WriteTarget>): void {
    for (const target of targets) this.add(target)
  }

  toArray(): WriteTarget[] {
    const targets: WriteTarget[] = []
    for (const [root, keys] of this.keysByRoot) {
      for (const key of keys) targets.push(key === undefined ? { root } : { root, key })
    }
    return targets
  }
}
