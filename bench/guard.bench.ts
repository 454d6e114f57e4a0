import type { PermissionContext } from '@samskriv/schema'
import { checkUpdate } from '@samskriv/update-guard'
import { pathToFileURL } from 'node:url'
import * as Y from 'yjs'

// What the server pays per keystroke batch: the guard runs before every applyUpdate, so its
// cost is measured per small typing update against a ~200-page document, next to applyUpdate.

const SECTIONS = 200
const PARAGRAPHS_PER_SECTION = 10
const CHARS_PER_PARAGRAPH = 300 // ~3000 characters, about a page, per section
const WARMUP = 200
const MEASURED = 2000

const WORDS = (
  'kommunen ska under året utveckla arbetet med hållbar stadsplanering och förbättra dialogen med ' +
  'invånarna genom öppna möten där förslag om grönområden cykelvägar och kollektivtrafik prövas ' +
  'mot budgeten samt mot de mål som fullmäktige beslutade om i översiktsplanen för åren framöver'
).split(' ')

/** Deterministic, so two runs type the same updates into the same document (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function sentence(next: () => number): string {
  const words = Array.from(
    { length: 6 + Math.floor(next() * 10) },
    () => WORDS[Math.floor(next() * WORDS.length)],
  )
  const text = words.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '. '
}

/**
 * A document written the way people write, sentence by sentence by a few authors, so the struct
 * store holds several structs per paragraph (about 6,400 in all) rather than one.
 */
function buildDocument(next: () => number): Y.Doc {
  const authors = [1, 2, 3].map((clientID) => {
    const doc = new Y.Doc()
    doc.clientID = clientID
    return doc
  })
  const [first] = authors as [Y.Doc, ...Y.Doc[]]
  first.transact(() => {
    for (let s = 0; s < SECTIONS; s++) {
      const fragment = first.getXmlFragment(`section:s${s}`)
      for (let p = 0; p < PARAGRAPHS_PER_SECTION; p++) {
        const element = new Y.XmlElement('paragraph')
        element.insert(0, [new Y.XmlText()])
        fragment.insert(p, [element])
      }
      first.getMap('sections').set(`s${s}`, new Y.Map([['title', `Avsnitt ${s + 1}`]]))
    }
  })
  const update = Y.encodeStateAsUpdate(first)
  for (const author of authors.slice(1)) Y.applyUpdate(author, update)
  for (let s = 0; s < SECTIONS; s++) {
    for (let p = 0; p < PARAGRAPHS_PER_SECTION; p++) {
      const author = authors[Math.floor(next() * authors.length)] as Y.Doc
      const text = paragraphText(author, s, p)
      while (text.length < CHARS_PER_PARAGRAPH) text.insert(text.length, sentence(next))
    }
  }
  const server = new Y.Doc()
  for (const author of authors) Y.applyUpdate(server, Y.encodeStateAsUpdate(author))
  return server
}

function paragraphText(doc: Y.Doc, section: number, paragraph: number): Y.XmlText {
  const element = doc.getXmlFragment(`section:s${section}`).get(paragraph) as Y.XmlElement
  return element.get(0) as Y.XmlText
}

/** A client replica typing 1-5 characters at random places; returns each update it would send. */
function typingUpdates(server: Y.Doc, count: number, next: () => number): Uint8Array[] {
  const client = new Y.Doc()
  client.clientID = 99
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const updates: Uint8Array[] = []
  client.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) {
    const text = paragraphText(
      client,
      Math.floor(next() * SECTIONS),
      Math.floor(next() * PARAGRAPHS_PER_SECTION),
    )
    const typed = 'åäöabc'.slice(0, 1 + Math.floor(next() * 5))
    text.insert(Math.floor(next() * (text.length + 1)), typed)
  }
  return updates
}

function percentile(sorted: readonly number[], p: number): number {
  const value =
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
  return Math.round(value * 10) / 10
}

const microseconds = (from: bigint, to: bigint): number => Number(to - from) / 1000

export async function benchGuard(): Promise<{
  name: string
  p50_us: number
  p99_us: number
  apply_p50_us: number
}> {
  const next = random(20_240_601)
  const server = buildDocument(next)
  const updates = typingUpdates(server, WARMUP + MEASURED, next)
  // A lock elsewhere, so the permission table consults it; a refusal here would leave a clock
  // gap and turn every later update into a missing dependency, so none is expected.
  const context: PermissionContext = { isLocked: (id) => id === 'bilaga' }
  const check: number[] = []
  const apply: number[] = []
  for (const [index, update] of updates.entries()) {
    const start = process.hrtime.bigint()
    const verdict = checkUpdate(server, update, 'editor', context)
    const checked = process.hrtime.bigint()
    if (!verdict.ok)
      throw new Error(`typing update ${index} refused: ${verdict.code} ${verdict.message}`)
    Y.applyUpdate(server, update)
    const applied = process.hrtime.bigint()
    if (index < WARMUP) continue
    check.push(microseconds(start, checked))
    apply.push(microseconds(checked, applied))
  }
  check.sort((a, b) => a - b)
  apply.sort((a, b) => a - b)
  return {
    name: `update-guard checkUpdate, ${SECTIONS} sections × ${PARAGRAPHS_PER_SECTION * CHARS_PER_PARAGRAPH} chars, ${MEASURED} typing updates`,
    p50_us: percentile(check, 50),
    p99_us: percentile(check, 99),
    apply_p50_us: percentile(apply, 50),
  }
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const result = await benchGuard()
  console.log(
    `${result.name} | p50 ${result.p50_us} µs | p99 ${result.p99_us} µs | applyUpdate p50 ${result.apply_p50_us} µs`,
  )
  console.log(JSON.stringify(result))
}
