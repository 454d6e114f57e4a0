export interface ClientAuthor {
  userId: string
  name: string
}

/** Per document at most this many client ids are remembered; the oldest go first. */
const MAX_CLIENTS_PER_DOCUMENT = 5_000

/**
 * Who wrote with which Yjs client id, as this server process saw it. Every Yjs item carries the
 * id of the client that created it, so inserted text can be credited to a person.
 *
 * The rule (see `autoVersions`, which feeds it): a client id belongs to the user whose connection
 * delivered new items under it. Nothing stops a client from writing under someone else's id, so
 * when a second user's connection delivers new items under an id that is already bound, the id
 * becomes contested and nobody is credited for it: a diff rather says "unknown" than names the
 * wrong person. Kept in memory while the document is open: after it is unloaded, after a restart,
 * or for edits that reached another instance, the author is unknown — and the API says so.
 */
export class ClientAuthors {
  /** `null`: contested, credited to nobody (and never bound again). */
  private readonly byDocument = new Map<string, Map<number, ClientAuthor | null>>()

  remember(documentId: string, clientIds: Iterable<number>, author: ClientAuthor): void {
    let clients = this.byDocument.get(documentId)
    if (!clients) this.byDocument.set(documentId, (clients = new Map()))
    for (const clientId of clientIds) {
      const known = clients.get(clientId)
      if (known === undefined) {
        clients.set(clientId, author)
        if (clients.size > MAX_CLIENTS_PER_DOCUMENT) clients.delete(clients.keys().next().value as number)
      } else if (known !== null && known.userId !== author.userId) {
        clients.set(clientId, null)
      }
    }
  }

  authorOf(documentId: string, clientId: number): ClientAuthor | undefined {
    return this.byDocument.get(documentId)?.get(clientId) ?? undefined
  }

  /** Drops what is known about a document (it left memory). */
  forget(documentId: string): void {
    this.byDocument.delete(documentId)
  }
}
