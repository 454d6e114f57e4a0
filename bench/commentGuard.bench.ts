import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { commentAuthorshipRefusal, type CommentActor } from '../server/src/extensions/commentAuthorship.ts'
import { CommentsMirror } from '../server/src/extensions/commentsMirror.ts'

// What the comment authorship check costs per comment update on a ~1 MB document: before, a full
// copy of the document per update (encode, apply, every thread to JSON on both sides); now, the
// update tried on a mirror of the comments root, comparing only the threads it touches.
// Run: cd bench && pnpm exec tsx commentGuard.bench.ts (not part of `pnpm bench`). Both figures
// include applying the update to the document itself.

const SECTIONS = 40
const PARAGRAPHS = 50
const THREADS = 300
const MEASURED = 200
const actor: CommentActor = { userId: 'u-bo', name: 'Bo', role: 'editor' }

function message(id: string, body: string): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries({ id, authorId: actor.userId, authorName: actor.name, body, at: 1 })) map.set(key, value)
  return map
}

function documentOfAboutOneMegabyte(): Y.Doc {
  const doc = new Y.Doc()
  const sentence = 'Kommunen ska under året utveckla arbetet med hållbar stadsplanering och dialog med invånarna. '
  for (let section = 0; section < SECTIONS; section++) {
    const fragment = doc.getXmlFragment(`section:s${section}`)
    for (let paragraph = 0; paragraph < PARAGRAPHS; paragraph++) {
      const element = new Y.XmlElement('paragraph')
      element.insert(0, [new Y.XmlText(sentence.repeat(5))])
      fragment.push([element])
    }
  }
  for (let thread = 0; thread < THREADS; thread++) {
    const map = new Y.Map<unknown>()
    const messages = new Y.Array<Y.Map<unknown>>()
    messages.push([message(`t${thread}-1`, 'Första kommentaren i tråden.'), message(`t${thread}-2`, 'Ett svar.')])
    for (const [key, value] of Object.entries({ sectionId: `s${thread % SECTIONS}`, anchor: { start: new Uint8Array([1]), end: new Uint8Array([2]) }, quote: 'citat', resolved: false, createdBy: actor.userId, createdAt: 1 })) map.set(key, value)
    map.set('messages', messages)
    doc.getMap('comments').set(`t${thread}`, map)
  }
  return doc
}

/** The check as it was: a scratch copy of the whole document and every thread compared as JSON. */
function fullCopyCheck(doc: Y.Doc, update: Uint8Array): boolean {
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
  Y.applyUpdate(scratch, update)
  const before = doc.getMap<Y.Map<unknown>>('comments')
  const after = scratch.getMap<Y.Map<unknown>>('comments')
  let changed = 0
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (JSON.stringify(before.get(key)?.toJSON()) !== JSON.stringify(after.get(key)?.toJSON())) changed++
  }
  scratch.destroy()
  return changed > 0
}

function replies(doc: Y.Doc, count: number): Uint8Array[] {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
  return Array.from({ length: count }, (_, index) => {
    const before = Y.encodeStateVector(client)
    const thread = client.getMap<Y.Map<unknown>>('comments').get(`t${(index * 7) % THREADS}`)!
    ;(thread.get('messages') as Y.Array<Y.Map<unknown>>).push([message(`r${index}`, `Svar nummer ${index}.`)])
    return Y.encodeStateAsUpdate(client, before)
  })
}

function measure(label: string, run: (doc: Y.Doc, update: Uint8Array, index: number) => void): number {
  const doc = documentOfAboutOneMegabyte()
  const updates = replies(doc, MEASURED)
  const started = performance.now()
  updates.forEach((update, index) => {
    run(doc, update, index)
    Y.applyUpdate(doc, update, index)
  })
  const perUpdate = (performance.now() - started) / MEASURED
  console.log(`${label}: ${perUpdate.toFixed(2)} ms per comment update`)
  return perUpdate
}

const size = Y.encodeStateAsUpdate(documentOfAboutOneMegabyte()).byteLength
console.log(`document: ${(size / 1024 / 1024).toFixed(2)} MB, ${THREADS} threads, ${MEASURED} replies`)
measure('before (full copy)', (doc, update) => void fullCopyCheck(doc, update))
let mirror: CommentsMirror | undefined
let firstCheck = 0
const after = measure('after (comments mirror)', (doc, update, index) => {
  mirror ??= new CommentsMirror(doc)
  const started = performance.now()
  const refusal = commentAuthorshipRefusal(mirror, update, actor, index)
  // The first check builds the mirror from the document.
  if (index === 0) firstCheck = performance.now() - started
  if (refusal) throw new Error(refusal)
})
console.log(`first check, building the mirror: ${firstCheck.toFixed(1)} ms; the others: ${((after * MEASURED - firstCheck) / (MEASURED - 1)).toFixed(2)} ms each`)
mirror?.destroy()
