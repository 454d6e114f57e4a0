/** A Yjs client id of a document and the user who owns it there. */
export type ClientIdBinding = readonly [clientId: number, userId: string]

/**
 * Which user owns each Yjs client id of a document (the server's `clientIdBinding` decides; see
 * there). Stored so that a restart does not hand someone's id, and the clocks of their offline
 * work, to whoever writes with it first afterwards.
 */
export interface ClientIdStore {
  /** The document's bindings, oldest first. */
  clientIds(documentId: string): Promise<ClientIdBinding[]>
  /**
   * Stores new bindings (an id already bound keeps its user: the first binding wins) and forgets
   * the `released` ids, in one transaction.
   */
  bindClientIds(documentId: string, bound: readonly ClientIdBinding[], released: readonly number[]): Promise<void>
}
