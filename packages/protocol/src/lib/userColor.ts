// Dark enough for white label text (WCAG AA) and distinct from each other. Hex, because Tiptap's
// collaboration caret accepts only `#rrggbb` and draws anything else transparent.
const PALETTE = ['#b3261e', '#1a5fb4', '#26734d', '#8a3ffc', '#a04b00', '#0b6e79', '#9c1f6e', '#4d5b00']

/**
 * A user's stable caret colour. The server stamps it on every presence state it relays, so the
 * client shows the same colour for itself before its presence comes back.
 */
export function userColor(userId: string): string {
  let hash = 0
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) | 0
  return PALETTE[Math.abs(hash) % PALETTE.length] ?? '#1a5fb4'
}
