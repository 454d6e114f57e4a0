/**
 * Links the highlighted text in the editors and the threads in the comments panel, which live in
 * different React trees: a click on a highlight asks the panel to focus its thread, and the panel
 * marks one thread as active so its highlight stands out.
 */
const events = new EventTarget()
const FOCUS = 'focus-thread'
const ACTIVE = 'active-thread'

let activeThreadId: string | null = null

/** Asks the comments panel to show and focus a thread. */
export function requestThreadFocus(threadId: string): void {
  events.dispatchEvent(new CustomEvent<string>(FOCUS, { detail: threadId }))
}

export function onThreadFocusRequest(listener: (threadId: string) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<string>).detail)
  events.addEventListener(FOCUS, handle)
  return () => events.removeEventListener(FOCUS, handle)
}

/** The thread the user last went to from either side; its highlight gets a stronger style. */
export function getActiveThread(): string | null {
  return activeThreadId
}

export function setActiveThread(threadId: string | null): void {
  if (activeThreadId === threadId) return
  activeThreadId = threadId
  events.dispatchEvent(new Event(ACTIVE))
}

export function onActiveThreadChange(listener: () => void): () => void {
  events.addEventListener(ACTIVE, listener)
  return () => events.removeEventListener(ACTIVE, listener)
}
