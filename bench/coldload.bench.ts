import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { openSqlite, SqliteDocumentStore } from '../packages/storage/src/index.ts'
import { median, printResults, round, sleep } from './lib/metrics.ts'
import { startSamskriv, type BenchRoom, type SamskrivServer } from './lib/servers.ts'

// Cold load and first sync of a document with a long history. BENCH_COLDLOAD_DOCS documents
// (default 3) each get ~BENCH_HISTORY_KB (default 1024) of small updates (10 characters each, as
// typing sends them), written straight into the server's SQLite file through SqliteDocumentStore
// (quick, and the rooms are not open). Then, per document:
// - before compaction: the store's load time and the time to build the Y.Doc from it (what a room
//   does when it opens), and a fresh stock provider's time from connect to synced (cold: the room
//   is not loaded);
// - the provider leaves, the room unloads after its grace period and compacts the log into one
//   snapshot; then the same figures again.
// Medians over the documents (store figures: over 5 loads each).

async function writeHistory(store: SqliteDocumentStore, room: BenchRoom, targetBytes: number): Promise<number> {
  const doc = new Y.Doc()
  for (const update of (await store.load(room.room)).updates) Y.applyUpdate(doc, update)
  const pending: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => pending.push(update))
  const fragment = doc.getXmlFragment(room.fragment)
  let text = new Y.XmlText()
  fragment.insert(fragment.length, [new Y.XmlElement('paragraph')])
  ;(fragment.get(fragment.length - 1) as Y.XmlElement).insert(0, [text])
  let bytes = 0
  let count = 0
  while (bytes < targetBytes) {
    // A new paragraph every 400 characters, as people write.
    if (text.length >= 400) {
      const paragraph = new Y.XmlElement('paragraph')
      text = new Y.XmlText()
      paragraph.insert(0, [text])
      fragment.insert(fragment.length, [paragraph])
    }
    text.insert(text.length, 'ansökan, ')
    if (pending.length >= 1_000) {
      for (const update of pending) bytes += update.byteLength
      count += pending.length
      await store.appendUpdates(room.room, pending.splice(0))
    }
  }
  for (const update of pending) bytes += update.byteLength
  count += pending.length
  await store.appendUpdates(room.room, pending.splice(0))
  doc.destroy()
  return count
}

async function storeFigures(store: SqliteDocumentStore, documentId: string) {
  const loads: number[] = []
  const builds: number[] = []
  let entries = 0
  let bytes = 0
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    const stored = await store.load(documentId)
    loads.push(performance.now() - started)
    const building = performance.now()
    const doc = new Y.Doc()
    Y.transact(doc, () => {
      for (const update of stored.updates) Y.applyUpdate(doc, update)
    })
    builds.push(performance.now() - building)
    doc.destroy()
    entries = stored.updates.length
    bytes = stored.updates.reduce((sum, update) => sum + update.byteLength, 0)
  }
  return { loadMs: median(loads), buildMs: median(builds), entries, bytes }
}

async function connectToSynced(server: SamskrivServer, room: BenchRoom): Promise<number> {
  const doc = new Y.Doc()
  const started = performance.now()
  const provider = new WebsocketProvider(server.wsUrl, room.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: room.params,
  })
  const deadline = Date.now() + 30_000
  while (!provider.synced) {
    if (Date.now() > deadline) throw new Error(`${room.room} did not sync within 30 s`)
    await new Promise((resolve) => setImmediate(resolve))
  }
  const elapsed = performance.now() - started
  provider.destroy()
  doc.destroy()
  return elapsed
}

export async function benchColdLoad(): Promise<Array<Record<string, unknown>>> {
  const docs = Number(process.env.BENCH_COLDLOAD_DOCS ?? 3)
  const historyBytes = Number(process.env.BENCH_HISTORY_KB ?? 1024) * 1024
  const server = await startSamskriv({ env: { UNLOAD_AFTER_MS: '300' } })
  const db = openSqlite(join(server.dataDir, 'samskriv.sqlite'))
  const store = new SqliteDocumentStore(db)
  try {
    const rooms = await server.newRooms(docs)
    let updatesWritten = 0
    for (const room of rooms) updatesWritten += await writeHistory(store, room, historyBytes)

    const phases: Array<Record<string, unknown>> = []
    for (const phase of ['raw log', 'compacted'] as const) {
      const figures = await Promise.all(rooms.map((room) => storeFigures(store, room.room)))
      const syncs: number[] = []
      for (const room of rooms) syncs.push(await connectToSynced(server, room))
      phases.push({
        name: `cold load samskriv, ~${Math.round(historyBytes / 1024)} KB history, ${phase}`,
        phase,
        log_entries: figures[0]!.entries,
        log_kb: round(figures[0]!.bytes / 1024),
        store_load_ms: round(median(figures.map((f) => f.loadMs)), 2),
        ydoc_build_ms: round(median(figures.map((f) => f.buildMs)), 2),
        server_cold_load_ms: round(median(figures.map((f) => f.loadMs + f.buildMs)), 2),
        connect_to_synced_ms: round(median(syncs), 1),
        documents: docs,
      })
      if (phase === 'raw log') {
        // The rooms unload after their grace period and compact on the way out.
        const deadline = Date.now() + 60_000
        for (const room of rooms) {
          while ((await store.countUpdates(room.room)) > 1) {
            if (Date.now() > deadline) throw new Error(`${room.room} was not compacted within 60 s`)
            await sleep(100)
          }
        }
        await sleep(200) // the unload finishes (doc destroyed) right after the compaction commits
      }
    }
    phases[0]!.updates_written_per_doc = Math.round(updatesWritten / docs)
    return phases
  } finally {
    db.close()
    await server.stop()
  }
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) printResults(await benchColdLoad())
