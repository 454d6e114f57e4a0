import type pg from 'pg'
import type { ClientIdBinding, ClientIdStore } from '../ClientIdStore.ts'
import { inTransaction } from './inTransaction.ts'

export class PostgresClientIdStore implements ClientIdStore {
  constructor(private readonly pool: pg.Pool) {}

  async clientIds(documentId: string): Promise<ClientIdBinding[]> {
    const { rows } = await this.pool.query<{ client_id: string; user_id: string }>(
      'SELECT client_id, user_id FROM client_ids WHERE document_id = $1 ORDER BY seq',
      [documentId],
    )
    return rows.map((row) => [Number(row.client_id), row.user_id] as const)
  }

  async bindClientIds(documentId: string, bound: readonly ClientIdBinding[], released: readonly number[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      if (bound.length > 0) {
        await client.query(
          `INSERT INTO client_ids (document_id, client_id, user_id)
           SELECT $1, * FROM unnest($2::bigint[], $3::text[]) ON CONFLICT (document_id, client_id) DO NOTHING`,
          [documentId, bound.map(([clientId]) => clientId), bound.map(([, userId]) => userId)],
        )
      }
      if (released.length > 0) {
        await client.query('DELETE FROM client_ids WHERE document_id = $1 AND client_id = ANY($2::bigint[])', [documentId, [...released]])
      }
    })
  }
}
