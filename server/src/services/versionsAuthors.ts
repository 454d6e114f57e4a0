export interface ClientAuthor {
  userId: string
  name: string
}

export interface ClientAuthorsOptions {
  /** Documents remembered at most; the one written to longest ago goes first. */
  maxDocuments?: number
  /** Client ids remembered per document at most; the oldest go first. */
  maxClientsPerDocument?: number
}

/**
 * Who wrote with which Yjs client id, as this server process saw it. Every Yjs item carries the
 * id of the client that created it, so inserted text can be credited to a person.
 *
 * The rule (see `autoVersions`, which feeds it): a client id belongs to the user whose connection
 * delivered new items under it. Nothing stops a client from writing under someone else's id, so
 * when a second user's connection delivers new items under an id that is already bound, the id
 * becomes contested and nobody is credited for it: a diff rather says "unknown" than names the
 * wrong person.
 *
 * Kept in memory, bounded by document and by client, and deliberately not tied to the room: a diff
 * is often asked for after everyone left the document, and should still name who wrote. After a
 * restart, an eviction, or for edits that reached another instance, the author is unknown — and
 * the API says so.
 */
export class ClientAuthors {
  /** In order of last write (a Map keeps insertion order); `null`: contested, credited to nobody. */
  private readonly byDocument = new Map<string, Map<number, ClientAuthor | null>>()
  private readonly maxDocuments: number
  private readonly maxClientsPerDocument: number

  constructor(options: ClientAuthorsOptions = {}) {
    this.maxDocuments = options.maxDocuments ?? 1_000
    this.maxClientsPerDocument = options.maxClientsPerDocument ?? 5_000
  }

  remember(documentId: string, clientIds: Iterable<number>, author: ClientAuthor): void {
    const clients = this.byDocument.get(documentId) ?? new Map<number, ClientAuthor | null>()
    // Re-inserted, so the least recently written document is the first key.
    this.byDocument.delete(documentId)
    this.byDocument.set(documentId, clients)
    if (this.byDocument.size > this.maxDocuments) this.byDocument.delete(this.byDocument.keys().next().value as string)
    for (const clientId of clientIds) {
      const known = clients.get(clientId)
      if (known === undefined) {
        clients.set(clientId, author)
        if (clients.size > this.maxClientsPerDocument) clients.delete(clients.keys().next().value as number)
      } else if (known !== null && known.userId !== author.userId) {
        clients.set(clientId, null)
      }
    }
  }

  authorOf(documentId: string, clientId: number): ClientAuthor | undefined {
    return this.byDocument.get(documentId)?.get(clientId) ?? undefined
  }
}
