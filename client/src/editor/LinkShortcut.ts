import { Extension } from '@tiptap/core'

export interface LinkShortcutOptions {
  /** Opens the editor's link dialog. */
  onOpenLink: () => void
}

/** Ctrl+K (Cmd+K) asks for a link address, as in word processors; only in editable text (keymaps run there only). */
export const LinkShortcut = Extension.create<LinkShortcutOptions>({
  name: 'linkShortcut',
  addOptions() {
    return { onOpenLink: () => undefined }
  },
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onOpenLink()
        return true
      },
    }
  },
})
