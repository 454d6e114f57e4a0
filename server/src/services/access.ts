import type { Role } from '@samskriv/schema'
import type { AppStore, DocumentRecord, MemberRecord } from '@samskriv/storage'
import { ApiError } from '../http/ApiError.ts'

/**
 * The membership of a user in a workspace. Non-members get 404, never 403, so ids of other
 * workspaces reveal nothing.
 */
export async function requireMember(store: AppStore, workspaceId: string, userId: string, roles?: readonly Role[]): Promise<MemberRecord> {
  const member = await store.findMember(workspaceId, userId)
  if (!member) throw ApiError.notFound()
  if (roles && !roles.includes(member.role)) throw ApiError.forbidden()
  return member
}

export async function requireDocumentMember(
  store: AppStore,
  documentId: string,
  userId: string,
  roles?: readonly Role[],
): Promise<{ document: DocumentRecord; member: MemberRecord }> {
  const document = await store.findDocument(documentId)
  if (!document) throw ApiError.notFound()
  const member = await requireMember(store, document.workspaceId, userId, roles)
  return { document, member }
}
