/** `meta.lastRestore`: the latest restore, written by the server with it, for the pages that have the document open. */
export interface LastRestore {
  /** The user id and name of who restored. */
  by: string
  name: string
  /** ISO time. */
  at: string
  /** The section ids restored. */
  sections: string[]
}
