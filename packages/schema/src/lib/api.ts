import { z } from 'zod'
import { displayText } from './displayText.ts'
import { ROLES } from './roles.ts'

/**
 * Request bodies of the HTTP API (DESIGN.md), as the server validates them. Every
 * name or title people read is a `displayText`: no invisible or control characters.
 */
export const registerBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: displayText(100),
  password: z.string().min(8).max(200),
})

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
})

export const workspaceBody = z.object({ name: displayText(120) })

export const memberBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  role: z.enum(ROLES),
})

export const roleBody = z.object({ role: z.enum(ROLES) })

export const documentBody = z.object({
  template: z.string().min(1).max(60),
  title: displayText(200, 'Titeln'),
})

/**
 * A lock's reason is shown beside the section to everyone, so it follows the display-text rule too
 * (no control, bidi or invisible characters, well-formed UTF-16). It is optional: an empty or
 * blank reason means none, as before.
 */
export const lockBody = z.object({
  reason: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), displayText(500, 'Anledningen').optional()),
})

/** The error shape of every failed API call. */
export interface ApiErrorBody {
  error: { code: string; message: string }
}
