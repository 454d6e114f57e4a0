import { pathToFileURL } from 'node:url'
import { runLoad } from './lib/generator.ts'
import { printResults } from './lib/metrics.ts'
import { selectedServers, startServer, type RunningServer } from './lib/servers.ts'

// Many open documents in one process: BENCH_DOCS documents (default 1,000) with 5 stock clients
// each, one writer per document at 0.5 updates/s (one every 2 s, like a person typing a word now
// and then), spread evenly; every client a reader. Whole documents go to one of 4 generator
// processes. Samskriv's documents are ESF+ projektidé documents (their template content
// included), the reference's and the relay's start empty.

const CLIENTS_PER_DOC = 5
const RATE = 0.5

export async function benchManyDocs(): Promise<Array<Record<string, unknown>>> {
  const docs = Number(process.env.BENCH_DOCS ?? 1_000)
  const durationMs = Number(process.env.BENCH_MANYDOCS_DURATION_MS ?? 10_000)
  const results: Array<Record<string, unknown>> = []
  for (const name of selectedServers()) {
    let server: RunningServer | undefined
    try {
      server = await startServer(name)
      const rooms = await server.newRooms(docs)
      const figures = await runLoad(server, {
        rooms,
        clientsPerRoom: CLIENTS_PER_DOC,
        writersPerRoom: 1,
        rate: RATE,
        durationMs,
        graceMs: 2_000,
        workers: 4,
        stockReaders: 1, // and 3 hand-written readers per document, so 5,000 clients fit the generator
      })
      results.push({ name: `many documents ${server.name}, ${docs} docs × ${CLIENTS_PER_DOC} clients, 1 writer × ${RATE}/s each`, docs, ...figures })
    } finally {
      await server?.stop()
    }
  }
  return results
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) printResults(await benchManyDocs())
