import { useEffect, useReducer } from 'react'
import type { ReactNode } from 'react'
import { sectionHeadingLevel } from '@samskriv/schema'
import * as Y from 'yjs'
import { safeHref } from './safeHref.ts'

type Delta = Array<{ insert?: unknown; attributes?: Record<string, unknown> }>

const on = (attributes: Record<string, unknown> | undefined, mark: string) => attributes?.[mark] != null && attributes[mark] !== false

/** One run of text with its marks, as React elements: text stays text, never HTML. */
function renderRun(text: string, attributes: Record<string, unknown> | undefined, key: number): ReactNode {
  let node: ReactNode = text
  if (on(attributes, 'code')) node = <code>{node}</code>
  if (on(attributes, 'strike')) node = <s>{node}</s>
  if (on(attributes, 'italic')) node = <em>{node}</em>
  if (on(attributes, 'bold')) node = <strong>{node}</strong>
  const href = safeHref(attributes?.link)
  if (href) node = <a href={href}>{node}</a>
  return <span key={key}>{node}</span>
}

function renderNode(node: Y.XmlElement | Y.XmlText | Y.XmlHook, key: number): ReactNode {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Delta).map((op, index) => (typeof op.insert === 'string' ? renderRun(op.insert, op.attributes, index) : null))
  }
  if (!(node instanceof Y.XmlElement)) return null
  const children = node.toArray().map(renderNode)
  switch (node.nodeName) {
    case 'paragraph':
      return <p key={key}>{children}</p>
    case 'heading': {
      const Heading = `h${sectionHeadingLevel(node.getAttribute('level'))}` as const
      return <Heading key={key}>{children}</Heading>
    }
    case 'bulletList':
      return <ul key={key}>{children}</ul>
    case 'orderedList': {
      const start = Number(node.getAttribute('start'))
      return <ol key={key} start={Number.isInteger(start) ? start : undefined}>{children}</ol>
    }
    case 'listItem':
      return <li key={key}>{children}</li>
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>
    case 'codeBlock':
      return <pre key={key}><code>{children}</code></pre>
    case 'hardBreak':
      return <br key={key} />
    case 'horizontalRule':
      return <hr key={key} />
    default:
      // Unknown nodes (a newer editor's) still show their text.
      return <div key={key}>{children}</div>
  }
}

/**
 * A section's rich text (the Tiptap content y-prosemirror keeps in an XmlFragment) as plain
 * React elements for reading and printing, live as others edit. No editor, no HTML strings.
 */
export function FragmentView({ fragment }: { fragment: Y.XmlFragment }) {
  const [, rerender] = useReducer((count: number) => count + 1, 0)
  useEffect(() => {
    fragment.observeDeep(rerender)
    rerender() // catch up on what arrived between the first render and this subscription
    return () => fragment.unobserveDeep(rerender)
  }, [fragment])
  return <>{fragment.toArray().map(renderNode)}</>
}
