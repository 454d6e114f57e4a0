import * as Y from 'yjs'
import { PlaceFinder } from './updatePlaces.ts'

/**
 * The editor's schema (Tiptap's StarterKit, as client/src/editor/SectionEditor.tsx configures it),
 * as y-prosemirror writes it into a section's XmlFragment: nodes are XmlElements named after the
 * node with its attributes, marks are formatting attributes of XmlText named after the mark.
 */
const NODES = new Set(['paragraph', 'blockquote', 'bulletList', 'codeBlock', 'heading', 'hardBreak', 'horizontalRule', 'listItem', 'orderedList'])
const NODE_ATTRIBUTES = new Set(['language', 'level', 'start', 'type'])
const MARKS = new Set(['bold', 'italic', 'strike', 'code', 'underline', 'link'])
const LINK_ATTRIBUTES = new Set(['href', 'target', 'rel', 'class', 'title'])

/**
 * Why `update` would put something into the document that the editor schema does not allow, or
 * null (DESIGN.md, "Inserted content must fit the editor schema"). The client renders through its
 * schema anyway; this keeps the stored document clean for every other reader (export, print,
 * versions, other clients):
 * - an XmlElement is one of the schema's nodes, and its attributes are node attributes with plain
 *   values; no XmlHook, embed or subdocument;
 * - formatting is one of the schema's marks; a link's attributes are a link's, and its href is
 *   http(s) or mailto;
 * - no key named `__proto__` anywhere, in a map or in a value.
 */
export function schemaRefusal(doc: Y.Doc, update: Uint8Array): string | null {
  let structs: Array<Y.Item | Y.GC | Y.Skip>
  try {
    structs = Y.decodeUpdate(update).structs
  } catch {
    return null // the guard refuses what does not decode
  }
  const places = new PlaceFinder(doc, structs)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const { content } = struct
    if (struct.parentSub === '__proto__') return 'Otillåten nyckel.'
    if (content instanceof Y.ContentEmbed || content instanceof Y.ContentDoc) return 'Inbäddat innehåll stöds inte.'
    if (content instanceof Y.ContentType) {
      const type = content.type
      if (type instanceof Y.XmlHook) return 'Otillåten nod.'
      if (type instanceof Y.XmlElement && !NODES.has(type.nodeName)) return `Noden ”${type.nodeName}” finns inte i redigeraren.`
    }
    if (content instanceof Y.ContentFormat) {
      // Marks that may overlap themselves are written as `name--<hash>`.
      const refusal = markRefusal(content.key.split('--')[0] ?? '', content.value)
      if (refusal) return refusal
    }
    if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
      if (content.getContent().some(hasProtoKey)) return 'Otillåten nyckel.'
    }
    if (struct.parentSub !== null || struct.parent === null) {
      // An attribute of an XmlElement: a map entry whose parent is the element.
      const place = places.of(struct)
      if (place?.key != null && isXmlElement(place.parent, places)) {
        if (!NODE_ATTRIBUTES.has(place.key)) return `Attributet ”${place.key}” finns inte i redigeraren.`
        if (!content.getContent().every((value) => value === null || ['string', 'number', 'boolean'].includes(typeof value))) {
          return 'Ett attribut har ett otillåtet värde.'
        }
      }
    }
  }
  return null
}

function isXmlElement(parent: Y.AbstractType<unknown> | Y.ID, places: PlaceFinder): boolean {
  if (parent instanceof Y.ID) {
    const creator = places.updateItem(parent)
    return creator?.content instanceof Y.ContentType && creator.content.type instanceof Y.XmlElement
  }
  return parent instanceof Y.XmlElement
}

function markRefusal(name: string, value: unknown): string | null {
  if (value === null) return MARKS.has(name) ? null : `Formatet ”${name}” finns inte i redigeraren.` // the end of a mark
  if (!MARKS.has(name)) return `Formatet ”${name}” finns inte i redigeraren.`
  if (hasProtoKey(value)) return 'Otillåten nyckel.'
  if (name !== 'link') return null
  if (typeof value !== 'object' || value === null) return 'En länk saknar adress.'
  const attributes = value as Record<string, unknown>
  if (Object.keys(attributes).some((key) => !LINK_ATTRIBUTES.has(key))) return 'En länk har ett otillåtet attribut.'
  return isAllowedHref(attributes.href) ? null : 'Länkar får bara gå till http-, https- eller mailto-adresser.'
}

/** http(s) and mailto only (DESIGN.md), as the export and the print view also require. */
export function isAllowedHref(href: unknown): boolean {
  if (typeof href !== 'string') return false
  try {
    const { protocol } = new URL(href)
    return protocol === 'http:' || protocol === 'https:' || protocol === 'mailto:'
  } catch {
    return false
  }
}

/**
 * Whether a decoded value carries a `__proto__` key at any depth. JSON.parse keeps one as an own
 * key; lib0's decoder assigns it, which swaps the object's prototype instead.
 */
function hasProtoKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return false
  if (Array.isArray(value)) return value.some(hasProtoKey)
  if (Object.getPrototypeOf(value) !== Object.prototype) return true
  return Object.keys(value).some((key) => key === '__proto__' || hasProtoKey((value as Record<string, unknown>)[key]))
}
