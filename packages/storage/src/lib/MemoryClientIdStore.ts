import type { ClientIdBinding, ClientIdStore } from './ClientIdStore.ts'

/** In-memory adapter for unit tests: same contract, nothing survives the process. */
export class MemoryClientIdStore implements ClientIdStore {
  private readonly documents = new Map<string, Map<number, string>>()

  async clientIds(documentId: string): Promise<ClientIdBinding[]> {
    return [...(this.documents.get(documentId) ?? [])]
  }

  async bindClientIds(documentId: string, bound: readonly ClientIdBinding[], released: readonly number[]): Promise<void> {
    const owners = this.documents.get(documentId) ?? new Map<number, string>()
    this.documents.set(documentId, owners)
    for (const [clientId, userId] of bound) if (!owners.has(clientId)) owners.set(clientId, userId)
    for (const clientId of released) owners.delete(clientId)
  }
}
