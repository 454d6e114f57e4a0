import * as Y from 'yjs'

/** A stretch of text with the marks an export keeps. `link` is the raw href; writers decide whether it is safe. */
export interface Run {
  text: string
  bold?: boolean
  italic?: boolean
  strike?: boolean
  code?: boolean
  link?: string
  /** A line break (Tiptap's hardBreak) rather than text. */
  lineBreak?: boolean
}

export interface ListInfo {
  ordered: boolean
  /** 0 for a top-level list, 1 for a list inside one of its items, … */
  depth: number
  /** 1-based position of the item in its list. */
  number: number
  /** Distinguishes one list from the next, so numbering restarts. */
  listId: number
  /** Whether this is the item's first block (later blocks continue the item without a marker). */
  first: boolean
}

/** One block of text in reading order; lists and quotes are flattened onto their paragraphs. */
export interface Block {
  kind: 'paragraph' | 'heading' | 'code'
  /** Heading level 1–6 for headings. */
  level?: number
  runs: Run[]
  list?: ListInfo
  /** How many blockquotes the block is inside. */
  quote: number
}

interface Context {
  list?: Omit<ListInfo, 'first'> & { first: boolean }
  quote: number
}

/** Whether a y-prosemirror mark attribute is set: marks are objects (`{}` or `{ href }`), absent or null when unset. */
function hasMark(attributes: Record<string, unknown> | undefined, name: string): boolean {
  const value = attributes?.[name]
  return value !== undefined && value !== null && value !== false
}

function linkHref(attributes: Record<string, unknown> | undefined): string | undefined {
  const value = attributes?.link
  if (value && typeof value === 'object' && typeof (value as { href?: unknown }).href === 'string') return (value as { href: string }).href
  return undefined
}

/** The inline content of a paragraph-like element as runs. */
function inlineRuns(element: Y.XmlElement): Run[] {
  const runs: Run[] = []
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof op.insert !== 'string' || op.insert === '') continue
        const a = op.attributes
        const run: Run = { text: op.insert }
        if (hasMark(a, 'bold')) run.bold = true
        if (hasMark(a, 'italic')) run.italic = true
        if (hasMark(a, 'strike')) run.strike = true
        if (hasMark(a, 'code')) run.code = true
        const href = linkHref(a)
        if (href !== undefined) run.link = href
        runs.push(run)
      }
    } else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') runs.push({ text: '\n', lineBreak: true })
      else runs.push(...inlineRuns(child)) // unknown inline node: keep its text
    }
  }
  return runs
}

function plainText(element: Y.XmlElement): string {
  return inlineRuns(element)
    .map((run) => run.text)
    .join('')
}

/**
 * Converts a section's Tiptap (StarterKit) content, as y-prosemirror stores it, into blocks.
 * Pure: reads the fragment, writes nothing.
 */
export function sectionToBlocks(fragment: Y.XmlFragment): Block[] {
  const blocks: Block[] = []
  let nextListId = 0

  const push = (block: Omit<Block, 'list' | 'quote'>, context: Context) => {
    const result: Block = { ...block, quote: context.quote }
    if (context.list) {
      result.list = { ...context.list }
      context.list.first = false
    }
    blocks.push(result)
  }

  const walk = (nodes: Array<Y.XmlElement | Y.XmlText | Y.XmlHook>, context: Context) => {
    for (const node of nodes) {
      if (node instanceof Y.XmlText) {
        // Text directly in a block container (not valid Tiptap, but keep it).
        const text = node.toString()
        if (text.trim()) push({ kind: 'paragraph', runs: [{ text }] }, context)
        continue
      }
      if (!(node instanceof Y.XmlElement)) continue
      switch (node.nodeName) {
        case 'paragraph':
          push({ kind: 'paragraph', runs: inlineRuns(node) }, context)
          break
        case 'heading': {
          const level = Number(node.getAttribute('level') ?? 1)
          push({ kind: 'heading', level: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1, runs: inlineRuns(node) }, context)
          break
        }
        case 'codeBlock':
          push({ kind: 'code', runs: [{ text: plainText(node) }] }, context)
          break
        case 'blockquote':
          walk(node.toArray(), { ...context, quote: context.quote + 1 })
          break
        case 'bulletList':
        case 'orderedList': {
          const ordered = node.nodeName === 'orderedList'
          const start = Number(node.getAttribute('start') ?? 1)
          const listId = nextListId++
          const depth = context.list ? context.list.depth + 1 : 0
          let number = Number.isInteger(start) ? start : 1
          for (const item of node.toArray()) {
            if (!(item instanceof Y.XmlElement)) continue
            const itemContext: Context = { quote: context.quote, list: { ordered, depth, number, listId, first: true } }
            walk(item.nodeName === 'listItem' ? item.toArray() : [item], itemContext)
            number++
          }
          break
        }
        case 'horizontalRule':
          break
        default:
          // An unknown block: its children may be blocks or inline content.
          if (node.toArray().some((child) => child instanceof Y.XmlText)) push({ kind: 'paragraph', runs: inlineRuns(node) }, context)
          else walk(node.toArray(), context)
      }
    }
  }

  walk(fragment.toArray(), { quote: 0 })
  return blocks
}

/** Whether an href may be written as a link: http(s) and mailto only. */
export function isSafeHref(href: string | undefined): href is string {
  if (!href) return false
  try {
    const url = new URL(href)
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
  } catch {
    return false
  }
}
