import type { AppStore } from '@samskriv/storage'

/** Appends one audit entry, stamped now. */
export function audit(
  store: AppStore,
  entry: { workspaceId: string; documentId?: string | null; actorId: string; action: string; details?: Record<string, unknown> },
): Promise<void> {
  return store.appendAudit({
    workspaceId: entry.workspaceId,
    documentId: entry.documentId ?? null,
    actorId: entry.actorId,
    action: entry.action,
    details: entry.details ?? {},
    at: new Date().toISOString(),
  })
}
