import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'
import type { RefObject, TextareaHTMLAttributes } from 'react'

type GrowingTextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'rows'> & {
  /** The element, for a caller that also needs it (a shared-text binding). */
  ref?: RefObject<HTMLTextAreaElement | null>
}

/**
 * A one-line text field that wraps and grows to show all of its text, for narrow table
 * columns where an input would cut a long title or name off (a title attribute would not help
 * keyboard users). Enter does not add a line: the value stays one line.
 */
export function GrowingTextarea({ onInput, onKeyDown, ref: outerRef, ...props }: GrowingTextareaProps) {
  const ownRef = useRef<HTMLTextAreaElement>(null)
  const ref = outerRef ?? ownRef
  const fit = useCallback(() => {
    const element = ref.current
    if (!element) return
    element.style.height = 'auto'
    element.style.height = `${element.scrollHeight + element.offsetHeight - element.clientHeight}px`
  }, [])
  useLayoutEffect(fit, [fit, props.value])
  // The column's width changes with the other rows and the window: wrap again then.
  useEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    let width = element.clientWidth
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return
      width = element.clientWidth
      fit()
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [fit])
  return (
    <textarea
      ref={ref}
      rows={1}
      {...props}
      onInput={(event) => {
        fit()
        onInput?.(event)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault()
        onKeyDown?.(event)
      }}
    />
  )
}
