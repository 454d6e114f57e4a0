import * as Y from 'yjs'

/**
 * True when the update sets some map's `status` key to "godkand". Approving a section is a
 * coordinator's act (DESIGN.md); the root guard sees only *where* an update writes, so the
 * value is checked here. Plan activities use other status values, so no false positives.
 * Call it after the guard accepted the update, so every origin it names exists.
 */
export function approvesSection(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs } = Y.decodeUpdate(update)
  const inUpdate = (id: Y.ID) =>
    structs.find((s) => s instanceof Y.Item && s.id.client === id.client && s.id.clock <= id.clock && id.clock < s.id.clock + s.length) as Y.Item | undefined
  const keyOf = (id: Y.ID | null): string | null => {
    if (!id) return null
    const found = inUpdate(id)
    if (found) return found.parentSub
    try {
      return Y.getItem(doc.store, id).parentSub
    } catch {
      return null
    }
  }
  return structs.some((struct) => {
    // Any content a map value can be read from, not just what Y.Map.set writes: a hand-made update
    // may carry the value as ContentJSON, and Y.Map.get returns it all the same.
    if (!(struct instanceof Y.Item) || !struct.content.isCountable()) return false
    if (!struct.content.getContent().includes('godkand')) return false
    // A map entry that overwrites a key names its predecessor as origin instead of its key.
    const key = struct.parentSub ?? keyOf(struct.origin) ?? keyOf(struct.rightOrigin)
    return key === 'status'
  })
}
