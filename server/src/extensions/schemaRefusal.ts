import { Root, sectionIdOfRoot } from '@samskriv/schema'
import { rootNameOf } from '@samskriv/update-guard'
import * as Y from 'yjs'
import { PlaceFinder, type Place } from './updatePlaces.ts'

/**
 * The editor's schema (Tiptap's StarterKit, as client/src/editor/SectionEditor.tsx configures it),
 * as y-prosemirror writes it into a section's XmlFragment: nodes are XmlElements named after the
 * node with its attributes, marks are formatting attributes of XmlText named after the mark.
 */
const NODES = new Set(['paragraph', 'blockquote', 'bulletList', 'codeBlock', 'heading', 'hardBreak', 'horizontalRule', 'listItem', 'orderedList'])
const NODE_ATTRIBUTES = new Set(['language', 'level', 'start', 'type'])
const MARKS = new Set(['bold', 'italic', 'strike', 'code', 'underline', 'link'])
const LINK_ATTRIBUTES = new Set(['href', 'target', 'rel', 'class', 'title'])
/** y-tiptap writes a mark that may overlap itself as `name--<8 characters of hash>`, and reads it back by this rule. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/
/** Link schemes: http(s) and mailto as DESIGN.md asks, and tel and ftp(s), which older clients wrote; relative links have none. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'ftp', 'ftps'])

/** What a list in a section holds: an element's or fragment's children, or a text's characters and marks. */
type Holder = 'children' | 'text' | 'other'

/**
 * Why `update` would put something into the document that the editor schema does not allow, or
 * null (DESIGN.md, "Inserted content must fit the editor schema"). The client renders through its
 * schema anyway; this keeps the stored document clean for every other reader (export, print,
 * versions, other clients):
 * - a section fragment or element holds only elements and texts; a text holds only characters and
 *   marks (anything else breaks the editor of everyone who opens the section);
 * - an XmlElement is one of the schema's nodes, and its attributes are node attributes with plain
 *   values; no XmlHook, embed or subdocument anywhere;
 * - formatting is one of the schema's marks, named as y-tiptap reads it; a link's attributes are a
 *   link's, and its href has no scheme but the allowed ones (no `javascript:`, no `data:`);
 * - no key named `__proto__` anywhere, in a map or in a value, and no `constructor` key in a value
 *   (Yjs tells a value's kind by its `constructor`: a copy of one that has its own cannot be
 *   inserted, so a version holding it could never be restored);
 * - no bytes (a binary value or a Uint8Array in one) but in a comment thread's `anchor` (a map
 *   directly in the `comments` root): nothing else in the app writes them, and a large value only
 *   costs every reader of the document.
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
    if (content instanceof Y.ContentBinary) return BYTES_REFUSED
    if (content instanceof Y.ContentType) {
      const type = content.type
      if (type instanceof Y.XmlHook) return 'Otillåten nod.'
      if (type instanceof Y.XmlElement && !NODES.has(type.nodeName)) return `Noden ”${type.nodeName}” finns inte i redigeraren.`
    }
    if (content instanceof Y.ContentFormat) {
      const refusal = markRefusal(HASHED_MARK.exec(content.key)?.[1] ?? content.key, content.value)
      if (refusal) return refusal
    }
    if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
      // A comment's anchor holds encoded relative positions, bytes; no other value does.
      const bytesAllowed = isCommentAnchor(doc, places.of(struct), places)
      const refusal = content.getContent().map((value) => valueRefusal(value, bytesAllowed)).find((found) => found !== null)
      if (refusal) return refusal
    }
    const place = places.of(struct)
    if (!place || content instanceof Y.ContentDeleted) continue
    const parent = parentType(place.parent, places)
    if (place.key === null) {
      // Content of a list: what may sit there depends on what holds it.
      const holder = holderOf(doc, parent)
      if (holder === 'children' && !(content instanceof Y.ContentType && (content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText))) {
        return 'Ett avsnitt får bara innehålla stycken och text.'
      }
      if (holder === 'text' && !(content instanceof Y.ContentString || content instanceof Y.ContentFormat)) {
        return 'En text får bara innehålla tecken och format.'
      }
    } else if (parent instanceof Y.XmlElement) {
      // An attribute of an element (a map entry written after its first value names that value, so the key comes from the place).
      if (!NODE_ATTRIBUTES.has(place.key)) return `Attributet ”${place.key}” finns inte i redigeraren.`
      if (!content.getContent().every((value) => value === null || ['string', 'number', 'boolean'].includes(typeof value))) {
        return 'Ett attribut har ett otillåtet värde.'
      }
    }
  }
  return null
}

/** Whether a place is the `anchor` key of a thread: a map directly in the `comments` root. */
function isCommentAnchor(doc: Y.Doc, place: Place | undefined, places: PlaceFinder): boolean {
  if (!place || place.key !== 'anchor' || typeof place.parent === 'string') return false
  let threadPlace: Pick<Place, 'parent'> | undefined
  if (place.parent instanceof Y.ID) {
    const creator = places.updateItem(place.parent)
    threadPlace = creator && places.of(creator)
  } else {
    const item = place.parent._item
    threadPlace = item ? { parent: item.parent as Y.AbstractType<unknown> } : undefined
  }
  const holder = threadPlace?.parent
  if (holder === undefined || holder instanceof Y.ID) return false
  return (typeof holder === 'string' ? holder : rootNameOf(doc, holder)) === Root.comments
}

/** The type a place's parent is: a type of the document or one the update creates; a root the document lacks stays its name. */
function parentType(parent: Place['parent'], places: PlaceFinder): Y.AbstractType<unknown> | string | undefined {
  if (!(parent instanceof Y.ID)) return parent
  const creator = places.updateItem(parent)
  return creator?.content instanceof Y.ContentType ? creator.content.type : undefined
}

/** What a list's parent holds: children (a section root or an element), a text's characters, or something else. */
function holderOf(doc: Y.Doc, parent: Y.AbstractType<unknown> | string | undefined): Holder {
  if (parent === undefined) return 'other'
  // A root, by name: the section roots hold children, whatever type the server has given them so far.
  const root = typeof parent === 'string' ? parent : parent._item === null ? rootNameOf(doc, parent) : undefined
  if (root !== undefined) return sectionIdOfRoot(root) !== undefined ? 'children' : 'other'
  if (parent instanceof Y.XmlText) return 'text'
  return parent instanceof Y.XmlElement ? 'children' : 'other'
}

function markRefusal(name: string, value: unknown): string | null {
  if (value === null) return MARKS.has(name) ? null : `Formatet ”${name}” finns inte i redigeraren.` // the end of a mark
  if (!MARKS.has(name)) return `Formatet ”${name}” finns inte i redigeraren.`
  const refusal = valueRefusal(value)
  if (refusal) return refusal
  if (name !== 'link') return null
  if (typeof value !== 'object' || value === null) return 'En länk saknar adress.'
  const attributes = value as Record<string, unknown>
  if (Object.keys(attributes).some((key) => !LINK_ATTRIBUTES.has(key))) return 'En länk har ett otillåtet attribut.'
  return isAllowedHref(attributes.href) ? null : 'Länkar får bara gå till http-, https- eller mailto-adresser.'
}

/**
 * A link address with no scheme (relative) or an allowed one. Read as a browser reads it: tabs and
 * newlines anywhere, and control characters and spaces in front, do not count (`java\tscript:`).
 */
function isAllowedHref(href: unknown): boolean {
  if (typeof href !== 'string') return false
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1]
  return scheme === undefined || LINK_SCHEMES.has(scheme.toLowerCase())
}

const BYTES_REFUSED = 'Binära värden stöds inte.'

/**
 * Why a decoded plain value may not be stored, at any depth: a `__proto__` key (JSON.parse keeps
 * one as an own key; lib0's decoder assigns it, which swaps the object's prototype instead), an
 * own `constructor` key, or bytes where they are not allowed.
 */
function valueRefusal(value: unknown, bytesAllowed = false): string | null {
  if (value instanceof Uint8Array) return bytesAllowed ? null : BYTES_REFUSED
  if (typeof value !== 'object' || value === null) return null
  if (Array.isArray(value)) return value.map((item) => valueRefusal(item, bytesAllowed)).find((found) => found !== null) ?? null
  if (Object.getPrototypeOf(value) !== Object.prototype) return 'Otillåten nyckel.'
  for (const [key, nested] of Object.entries(value)) {
    if (key === '__proto__' || key === 'constructor') return 'Otillåten nyckel.'
    const refusal = valueRefusal(nested, bytesAllowed)
    if (refusal) return refusal
  }
  return null
}
