import * as Y from 'yjs'
import { Root, sectionRoot } from './roots.ts'

export const SECTION_STATUSES = ['utkast', 'klar-for-granskning', 'godkand'] as const
export type SectionStatus = (typeof SECTION_STATUSES)[number]

export const sectionStatusLabel: Record<SectionStatus, string> = {
  utkast: 'Utkast',
  'klar-for-granskning': 'Klar för granskning',
  godkand: 'Godkänd',
}

/** What a template says about one section; structurally the template package's section type. */
export interface SectionSeed {
  key: string
  title: string
  guidance: string
  charLimit: number | null
  required: boolean
  kind?: string
}

export interface TemplateSeed {
  id: string
  version: number
  title: string
  sections: readonly SectionSeed[]
}

/** A section as stored in the `sections` root (one Y.Map per section id). */
export interface SectionInfo {
  id: string
  key: string
  title: string
  guidance: string
  charLimit: number | null
  required: boolean
  kind: string
  status: SectionStatus
  owner: string | null
}

/**
 * Writes a new document's model from a template: meta, the outline and one entry per section.
 * The section texts (`section:<id>` fragments) start empty; Tiptap fills them.
 */
export function instantiateTemplate(
  doc: Y.Doc,
  template: TemplateSeed,
  title: string,
  newId: () => string,
): Array<{ id: string; key: string; title: string }> {
  const created: Array<{ id: string; key: string; title: string }> = []
  doc.transact(() => {
    const meta = doc.getMap(Root.meta)
    meta.set('title', title)
    meta.set('template', template.id)
    meta.set('templateVersion', template.version)
    const outline = doc.getArray<string>(Root.outline)
    const sections = doc.getMap<Y.Map<unknown>>(Root.sections)
    for (const seed of template.sections) {
      const id = newId()
      sections.set(id, sectionEntry(seed))
      const fields = fieldsEntry(seed)
      if (fields) doc.getMap(Root.fields).set(id, fields)
      outline.push([id])
      doc.getXmlFragment(sectionRoot(id))
      created.push({ id, key: seed.key, title: seed.title })
    }
  })
  return created
}

/** The ESF+ overview's text values (the project's facts besides its dates). */
export const OVERVIEW_TEXT_KEYS = ['name', 'owner', 'workplace', 'regions', 'call'] as const
export type OverviewTextKey = (typeof OVERVIEW_TEXT_KEYS)[number]

/**
 * The empty `fields` entry of a section with structured values (its tables included), made with
 * the document. Were it made at the first write instead, two people's first writes at the same
 * moment would each make one, and Yjs would keep only one of them with its values. For the same
 * reason the overview's texts start as empty shared texts: two people focusing an empty field
 * at once then type into the same one.
 */
export function fieldsEntry(seed: Pick<SectionSeed, 'key' | 'kind'>): Y.Map<unknown> | undefined {
  const tables: Record<string, string[]> = { budget: ['rows', 'financing'], indicators: ['rows'], participants: [], plan: [] }
  const lists = seed.kind ? tables[seed.kind] : undefined
  // The ESF+ overview holds the project period; it is found by key, as the checks find it.
  if (!lists && seed.key !== 'oversikt') return undefined
  const entry = new Y.Map<unknown>()
  for (const key of lists ?? []) entry.set(key, new Y.Array<unknown>())
  if (!lists) for (const key of OVERVIEW_TEXT_KEYS) entry.set(key, new Y.Text())
  return entry
}

/** A new `sections` entry; also used when an editor adds an optional section. */
export function sectionEntry(seed: SectionSeed): Y.Map<unknown> {
  const entry = new Y.Map<unknown>()
  entry.set('key', seed.key)
  entry.set('title', seed.title)
  entry.set('guidance', seed.guidance)
  entry.set('charLimit', seed.charLimit)
  entry.set('required', seed.required)
  entry.set('kind', seed.kind ?? 'text')
  entry.set('status', 'utkast' satisfies SectionStatus)
  entry.set('owner', null)
  return entry
}

/** The key a section is found by (checks, forms, the plan lock): its `key`, or its id without one. */
export function sectionKeyOf(id: string, entry: Y.Map<unknown>): string {
  return String(entry.get('key') ?? id)
}

/** Its kind: `kind`, or text without one. */
export function sectionKindOf(entry: Y.Map<unknown>): string {
  return String(entry.get('kind') ?? 'text')
}

/** Reads the sections in outline order, skipping ids without an entry. */
export function readSections(doc: Y.Doc): SectionInfo[] {
  const sections = doc.getMap<Y.Map<unknown>>(Root.sections)
  const result: SectionInfo[] = []
  for (const id of doc.getArray<string>(Root.outline).toArray()) {
    const entry = sections.get(id)
    if (!(entry instanceof Y.Map)) continue
    const status = entry.get('status')
    result.push({
      id,
      key: sectionKeyOf(id, entry),
      title: String(entry.get('title') ?? ''),
      guidance: String(entry.get('guidance') ?? ''),
      charLimit: typeof entry.get('charLimit') === 'number' ? (entry.get('charLimit') as number) : null,
      required: entry.get('required') === true,
      kind: sectionKindOf(entry),
      status: asStatus(status),
      owner: typeof entry.get('owner') === 'string' ? (entry.get('owner') as string) : null,
    })
  }
  return result
}

/**
 * Each section's status by id, in outline order: what `readSections` gives, without reading the
 * other fields (the server asks after every stored update).
 */
export function readSectionStatuses(doc: Y.Doc): Map<string, SectionStatus> {
  const sections = doc.getMap<Y.Map<unknown>>(Root.sections)
  const statuses = new Map<string, SectionStatus>()
  for (const id of doc.getArray<string>(Root.outline).toArray()) {
    const entry = sections.get(id)
    if (entry instanceof Y.Map) statuses.set(id, asStatus(entry.get('status')))
  }
  return statuses
}

/**
 * Calls `listener` after every transaction that changed the outline or a section's metadata
 * (title, status, owner), not after text edits: those live in the sections' own roots. It gets
 * the transaction's origin and the ids of the sections whose metadata changed, or no ids when the
 * outline itself changed.
 */
export function onSectionsChange(doc: Y.Doc, listener: (origin: unknown, sectionIds?: ReadonlySet<string>) => void): void {
  const sections = doc.getMap(Root.sections)
  sections.observeDeep((events, transaction) => {
    const ids = new Set<string>()
    for (const event of events) {
      if (event.target === sections) for (const id of event.keys.keys()) ids.add(id)
      else if (event.path.length > 0) ids.add(String(event.path[0]))
    }
    listener(transaction.origin, ids)
  })
  doc.getArray(Root.outline).observe((_event, transaction) => listener(transaction.origin))
}

function asStatus(value: unknown): SectionStatus {
  return (SECTION_STATUSES as readonly unknown[]).includes(value) ? (value as SectionStatus) : 'utkast'
}

/** A section's text as plain text: block elements separated by newlines. */
export function sectionPlainText(doc: Y.Doc, sectionId: string): string {
  return xmlToText(doc.getXmlFragment(sectionRoot(sectionId)))
}

function xmlToText(node: Y.XmlFragment | Y.XmlElement): string {
  const blocks: string[] = []
  let inline = ''
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert?: unknown }>) {
        if (typeof op.insert === 'string') inline += op.insert
      }
    } else if (child instanceof Y.XmlElement) {
      if (inline) blocks.push(inline)
      inline = ''
      blocks.push(xmlToText(child))
    }
  }
  if (inline) blocks.push(inline)
  return blocks.join('\n')
}
