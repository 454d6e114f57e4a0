export interface ClientAuthor {
  userId: string
  name: string
}

/** Per document at most this many client ids are remembered; the oldest go first. */
const MAX_CLIENTS_PER_DOCUMENT = 5_000

/**
 * Who wrote with which Yjs client id, as this server process saw it. Every Yjs item carries the
 * id of the client that created it, so inserted text can be credited to a person; the first
 * connection to send an id is taken as its owner. Kept in memory only: after a restart, or for
 * edits that reached another instance, the author is unknown — and the API says so.
 */
export class ClientAuthors {
  private readonly byDocument = new Map<string, Map<number, ClientAuthor>>()

  remember(documentId: string, clientIds: Iterable<number>, author: ClientAuthor): void {
    let clients = this.byDocument.get(documentId)
    if (!clients) this.byDocument.set(documentId, (clients = new Map()))
    for (const clientId of clientIds) {
      if (clients.has(clientId)) continue
      clients.set(clientId, author)
      if (clients.size > MAX_CLIENTS_PER_DOCUMENT) clients.delete(clients.keys().next().value as number)
    }
  }

  authorOf(documentId: string, clientId: number): ClientAuthor | undefined {
    return this.byDocument.get(documentId)?.get(clientId)
  }
}
