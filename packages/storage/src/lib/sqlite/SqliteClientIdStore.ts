import type { ClientIdBinding, ClientIdStore } from '../ClientIdStore.ts'
import type { Row } from '../rows.ts'
import type { SqliteDatabase } from './openSqlite.ts'

export class SqliteClientIdStore implements ClientIdStore {
  constructor(private readonly db: SqliteDatabase) {}

  async clientIds(documentId: string): Promise<ClientIdBinding[]> {
    const rows = this.db.prepare('SELECT client_id, user_id FROM client_ids WHERE document_id = ? ORDER BY rowid').all(documentId) as Row[]
    return rows.map((row) => [Number(row.client_id), String(row.user_id)] as const)
  }

  async bindClientIds(documentId: string, bound: readonly ClientIdBinding[], released: readonly number[]): Promise<void> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO client_ids (document_id, client_id, user_id) VALUES (?, ?, ?)')
    const remove = this.db.prepare('DELETE FROM client_ids WHERE document_id = ? AND client_id = ?')
    this.db.transaction(() => {
      for (const [clientId, userId] of bound) insert.run(documentId, clientId, userId)
      for (const clientId of released) remove.run(documentId, clientId)
    })()
  }
}
