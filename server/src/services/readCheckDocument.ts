import type { CheckDocument, SignOff } from '@samskriv/checks'
import { isTemplateId, readSections, Root, sectionPlainText, type TemplateId } from '@samskriv/schema'
import { readCheckedFields } from '@samskriv/plan'
import type { AppStore } from '@samskriv/storage'
import * as Y from 'yjs'

/**
 * Reads what the checks engine needs out of a document's Y.Doc (the engine knows no Yjs).
 * `names`: the workspace members' names by user id, so a sign-off names its signer; one who has
 * left is "en tidigare medlem".
 */
export function readCheckDocument(doc: Y.Doc, fallbackTemplate: string, fallbackVersion: number, names?: ReadonlyMap<string, string>): CheckDocument {
  const meta = doc.getMap(Root.meta)
  const template = String(meta.get('template') ?? fallbackTemplate)
  const signOffs: Record<string, SignOff> = {}
  for (const [itemId, value] of doc.getMap<unknown>(Root.checks)) {
    const plain = value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : (value as Record<string, unknown>)
    if (plain && typeof plain === 'object' && ['pass', 'warn', 'fail'].includes(String(plain.status))) {
      signOffs[itemId] = {
        status: plain.status as SignOff['status'],
        note: String(plain.note ?? ''),
        by: String(plain.by ?? ''),
        byName: names ? (names.get(String(plain.by)) ?? 'en tidigare medlem') : undefined,
        at: String(plain.at ?? ''),
        sectionHash: typeof plain.sectionHash === 'string' ? plain.sectionHash : undefined,
      }
    }
  }
  return {
    templateId: (isTemplateId(template) ? template : fallbackTemplate) as TemplateId,
    templateVersion: Number(meta.get('templateVersion') ?? fallbackVersion),
    // Text and structured values (with a plan section's activities) are what an analyst judges:
    // the client hashes the same readings into a sign-off (`sectionSignOffHash`).
    sections: readSections(doc).map((section) => ({
      id: section.id,
      key: section.key,
      title: section.title,
      text: sectionPlainText(doc, section.id),
      charLimit: section.charLimit,
      required: section.required,
      kind: section.kind as CheckDocument['sections'][number]['kind'],
      fields: readCheckedFields(doc, section.id, section.kind),
    })),
    signOffs,
  }
}

/** The workspace members' names by user id, for `readCheckDocument`. */
export async function memberNames(store: AppStore, workspaceId: string): Promise<Map<string, string>> {
  return namesOf(await store.listMembers(workspaceId))
}

/** Members' names by user id, from a member list already read. */
export function namesOf(members: ReadonlyArray<{ userId: string; name: string }>): Map<string, string> {
  return new Map(members.map((member) => [member.userId, member.name]))
}
