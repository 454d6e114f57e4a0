import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { pathToFileURL } from 'node:url'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { openSqlite, SqliteDocumentStore } from '../packages/storage/src/index.ts'
import { Inspector } from './lib/inspector.ts'
import { printResults, round, sleep } from './lib/metrics.ts'
import { startSamskriv, type BenchRoom } from './lib/servers.ts'

// Memory per open document, idle, and after unload. BENCH_MEMORY_DOCS ESF+ projektidé documents
// (default 300), each with its template content plus BENCH_MEMORY_TEXT_KB of text (default 10)
// in its first section (written to the store before the server opens them). Each document is
// opened by one WebSocket that sends nothing (a raw client: the server loads the room and sends its
// sync step 1). Figures are taken after a full GC inside the server (the inspector protocol): just
// after opening (the Y.Doc is loaded), once the rooms have hibernated (HIBERNATE_AFTER_MS without a
// change: the document is kept encoded), with the sockets closed but the rooms still in their grace
// period (UNLOAD_AFTER_MS), and after it, when the rooms are unloaded.

const GRACE_MS = 8_000
const HIBERNATE_AFTER_MS = 2_000

/** Heap of bare Y.Docs with the same content, in this process: the floor no server can go under. */
function yjsHeapPerDoc(updates: Uint8Array[][]): number {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  const before = process.memoryUsage().heapUsed
  const docs = updates.map((list) => {
    const doc = new Y.Doc()
    for (const update of list) Y.applyUpdate(doc, update)
    return doc
  })
  gc()
  const after = process.memoryUsage().heapUsed
  for (const doc of docs) doc.destroy()
  return (after - before) / docs.length / 1024
}

async function openRaw(wsUrl: string, room: BenchRoom): Promise<WebSocket> {
  const socket = new WebSocket(`${wsUrl}/${room.room}?token=${encodeURIComponent(room.params.token ?? '')}`)
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync step 1 from ${room.room} within 20 s`)), 20_000)
    socket.once('message', () => {
      clearTimeout(timer)
      resolve()
    })
    socket.once('error', reject)
  })
  return socket
}

export async function benchMemory(): Promise<Array<Record<string, unknown>>> {
  const docs = Number(process.env.BENCH_MEMORY_DOCS ?? 300)
  const textKb = Number(process.env.BENCH_MEMORY_TEXT_KB ?? 10)
  const server = await startSamskriv({
    env: { UNLOAD_AFTER_MS: String(GRACE_MS), HIBERNATE_AFTER_MS: String(HIBERNATE_AFTER_MS) },
    nodeArgs: ['--inspect=127.0.0.1:0'],
  })
  const inspector = await Inspector.connect(server.startOutput)
  const db = openSqlite(join(server.dataDir, 'samskriv.sqlite'))
  const store = new SqliteDocumentStore(db)
  try {
    const rooms = await server.newRooms(docs)
    // Typical content: the template plus a pasted text in the first section, as one update.
    let contentBytes = 0
    const stored: Uint8Array[][] = []
    for (const room of rooms) {
      const doc = new Y.Doc()
      for (const update of (await store.load(room.room)).updates) Y.applyUpdate(doc, update)
      const before = Y.encodeStateVector(doc)
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('Projektet ska stärka samverkan mellan kommunerna. '.repeat(Math.ceil((textKb * 1024) / 52)).slice(0, textKb * 1024))])
      const fragment = doc.getXmlFragment(room.fragment)
      fragment.insert(fragment.length, [paragraph])
      await store.appendUpdates(room.room, [Y.encodeStateAsUpdate(doc, before)])
      contentBytes += Y.encodeStateAsUpdate(doc).byteLength
      stored.push((await store.load(room.room)).updates.map((update) => update.slice()))
      doc.destroy()
    }
    const contentKb = contentBytes / docs / 1024
    const yjsKb = yjsHeapPerDoc(stored)
    stored.length = 0

    const baseline = await inspector.memoryAfterGc()
    const sockets: WebSocket[] = []
    for (let i = 0; i < rooms.length; i += 25) {
      sockets.push(...(await Promise.all(rooms.slice(i, i + 25).map((room) => openRaw(server.wsUrl, room)))))
    }
    const awake = await inspector.memoryAfterGc()
    await sleep(HIBERNATE_AFTER_MS + 1_500) // every room's hibernation timer has fired
    const hibernated = await inspector.memoryAfterGc()
    const closing = Date.now()
    await Promise.all(
      sockets.map((socket) => new Promise<void>((resolve) => {
        socket.once('close', () => resolve())
        socket.close()
      })),
    )
    await sleep(200) // the server's close handlers run after the client sees the close
    const idle = await inspector.memoryAfterGc()
    if (Date.now() - closing > GRACE_MS) throw new Error('the grace period ran out before the idle figures were taken')
    await sleep(GRACE_MS + 2_000) // every room's unload timer has fired; compaction runs at unload
    const unloaded = await inspector.memoryAfterGc()

    const perDocKb = (after: { heapUsed: number }, field: 'heapUsed' | 'rss' | 'external' = 'heapUsed') =>
      round(((after as Record<string, number>)[field]! - (baseline as Record<string, number>)[field]!) / docs / 1024, 1)
    /** Heap plus external memory (the encoded state's bytes live outside the JS heap) above the content. */
    const overheadKb = (after: { heapUsed: number }) => round(perDocKb(after) + perDocKb(after, 'external') - contentKb, 1)
    return [
      {
        name: `memory samskriv, ${docs} open documents (template + ${textKb} KB text)`,
        docs,
        content_kb_per_doc: round(contentKb, 1),
        heap_kb_per_doc_awake_with_connection: perDocKb(awake),
        overhead_kb_per_doc_awake_with_connection: overheadKb(awake),
        heap_kb_per_doc_idle_with_connection: perDocKb(hibernated),
        external_kb_per_doc_idle_with_connection: perDocKb(hibernated, 'external'),
        overhead_kb_per_doc_idle_with_connection: overheadKb(hibernated),
        heap_kb_per_doc_idle_no_connection: perDocKb(idle),
        overhead_kb_per_doc_idle_no_connection: overheadKb(idle),
        rss_kb_per_doc_idle: perDocKb(idle, 'rss'),
        bare_ydoc_heap_kb_per_doc: round(yjsKb, 1),
        hibernate_after_ms: HIBERNATE_AFTER_MS,
        baseline_heap_mb: round(baseline.heapUsed / 2 ** 20),
        after_unload_heap_mb: round(unloaded.heapUsed / 2 ** 20),
        after_unload_heap_delta_kb_per_doc: perDocKb(unloaded),
        after_unload_rss_delta_mb: round((unloaded.rss - baseline.rss) / 2 ** 20),
        grace_ms: GRACE_MS,
      },
    ]
  } finally {
    inspector.close()
    db.close()
    await server.stop()
  }
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) printResults(await benchMemory())
