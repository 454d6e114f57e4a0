import { segmentBody, type Mention } from './model/index.ts'

/**
 * A comment's text with `@Name` mentions highlighted and http(s) addresses as links. Every part
 * is a React text node or element: nothing a user typed is rendered as HTML.
 */
export function CommentBody({ body, mentions }: { body: string; mentions?: readonly Mention[] }) {
  return (
    <p className="comment-message__body">
      {segmentBody(body, mentions).map((segment, index) => {
        if (segment.kind === 'mention') {
          return (
            <span key={index} className="comment-mention">
              {segment.text}
            </span>
          )
        }
        if (segment.kind === 'link') {
          return (
            <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer">
              {segment.text}
            </a>
          )
        }
        return segment.text
      })}
    </p>
  )
}
