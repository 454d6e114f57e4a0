import { useEffect } from 'react'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { countChars, sectionRoot } from '@samskriv/schema'
import type { CollabUser } from '../collab/useCollabDoc.ts'
import { CommentComposer } from '../features/comments/CommentComposer.tsx'
import { CommentHighlight } from '../features/comments/commentHighlight.ts'

interface SectionEditorProps {
  doc: Y.Doc
  provider: WebsocketProvider
  sectionId: string
  title: string
  editable: boolean
  user: CollabUser
  /** Called with the section's character count (countChars of the plain text) after every change. */
  onCount: (sectionId: string, count: number) => void
}

/** A Tiptap editor bound to the section's `section:<id>` fragment of the shared document. */
export function SectionEditor({ doc, provider, sectionId, title, editable, user, onCount }: SectionEditorProps) {
  const editor = useEditor(
    {
      editable,
      extensions: [
        // Undo/redo comes from the Yjs binding; ProseMirror's own history would undo others' edits.
        // Links only to http(s) and mailto, the addresses the server accepts (DESIGN.md).
        StarterKit.configure({ undoRedo: false, link: { isAllowedUri: (url, { defaultValidate }) => defaultValidate(url) && /^(https?:|mailto:)/i.test(url) } }),
        Collaboration.configure({ document: doc, field: sectionRoot(sectionId) }),
        CollaborationCaret.configure({ provider, user: { name: user.name, color: user.color } }),
        CommentHighlight.configure({ doc, sectionId }),
      ],
      editorProps: {
        attributes: {
          class: 'section-editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': title,
        },
      },
      onCreate: ({ editor: created }) => onCount(sectionId, countChars(created.getText())),
      onUpdate: ({ editor: updated }) => onCount(sectionId, countChars(updated.getText())),
    },
    [doc, provider, sectionId],
  )

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable)
  }, [editor, editable])

  useEffect(() => {
    editor?.setOptions({
      editorProps: {
        attributes: { class: 'section-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': title, 'aria-readonly': String(!editable) },
      },
    })
  }, [editor, title, editable])

  return (
    <>
      <EditorContent editor={editor} className="section-editor-wrapper" />
      <CommentComposer editor={editor} doc={doc} sectionId={sectionId} />
    </>
  )
}
