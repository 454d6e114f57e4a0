import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { waitFor } from './waitFor.ts'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  closes: number[]
  text(sectionId: string): string
  destroy(): void
}

/** The stock y-websocket provider in Node, authenticated with `?token=`. */
export async function newClient(wsUrl: string, documentId: string, token: string | undefined, options: { waitForSync?: boolean } = {}): Promise<TestClient> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    disableBc: true,
  })
  const closes: number[] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  if (options.waitForSync ?? true) await waitFor(() => provider.synced, 'client synced')
  return {
    doc,
    provider,
    closes,
    text: (sectionId) => doc.getXmlFragment(`section:${sectionId}`).toString(),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Appends a paragraph with `text` to a section, as an editor would. */
export function typeParagraph(doc: Y.Doc, sectionId: string, text: string): void {
  const fragment = doc.getXmlFragment(`section:${sectionId}`)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  fragment.push([paragraph])
}
