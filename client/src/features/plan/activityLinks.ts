/** What a link needs to know about a section: its id, current title and kind. */
export interface LinkableSection {
  id: string
  title: string
  kind: string
}

/** A link of an activity as the table shows it; `removed` when its section no longer exists. */
export interface ResolvedLink {
  id: string
  title: string
  removed: boolean
}

/**
 * An activity's links with the linked sections' current titles, in the order they were added.
 * A link whose section was removed (or an id the document does not know) stays in the list,
 * marked removed, so it can still be seen and taken away.
 */
export function resolveLinks(links: readonly string[], sections: readonly LinkableSection[], removedTitle: string): ResolvedLink[] {
  const byId = new Map(sections.map((section) => [section.id, section]))
  return links.map((id) => {
    const section = byId.get(id)
    return section ? { id, title: section.title.trim() || section.id, removed: false } : { id, title: removedTitle, removed: true }
  })
}

/**
 * The sections an activity can still be linked to: those not yet linked, in outline order.
 * The plan's own section is left out; an activity cannot contribute to the plan it is in.
 */
export function linkableSections(links: readonly string[], sections: readonly LinkableSection[]): LinkableSection[] {
  const linked = new Set(links)
  return sections.filter((section) => section.kind !== 'plan' && !linked.has(section.id))
}

/** The links with `id` added once at the end; unchanged when it is already there. */
export function withLink(links: readonly string[], id: string): string[] {
  return links.includes(id) ? [...links] : [...links, id]
}

/** The links without `id` (every copy, should a concurrent edit have doubled it). */
export function withoutLink(links: readonly string[], id: string): string[] {
  return links.filter((link) => link !== id)
}
