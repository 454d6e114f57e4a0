import type { DocumentStore, StoredDocument } from './DocumentStore.ts'

interface Entry {
  seq: number
  update: Uint8Array
}

/** In-memory adapter for unit tests: same contract, nothing survives the process. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly logs = new Map<string, Entry[]>()
  private seq = 0

  async load(documentId: string): Promise<StoredDocument> {
    const log = this.logs.get(documentId) ?? []
    return { updates: log.map((entry) => entry.update), lastSeq: log.at(-1)?.seq ?? 0 }
  }

  async appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number> {
    const log = this.logs.get(documentId) ?? []
    for (const update of updates) log.push({ seq: ++this.seq, update })
    this.logs.set(documentId, log)
    return log.at(-1)?.seq ?? 0
  }

  async compact(documentId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const log = this.logs.get(documentId) ?? []
    const rest = log.filter((entry) => entry.seq > throughSeq)
    this.logs.set(documentId, [{ seq: throughSeq, update: snapshot }, ...rest])
  }

  async countUpdates(documentId: string): Promise<number> {
    return this.logs.get(documentId)?.length ?? 0
  }

  async close(): Promise<void> {}
}
