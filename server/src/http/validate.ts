import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError } from './ApiError.ts'

/** Parses the JSON body with a zod schema; bad JSON or fields become a 400 with a readable message. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let json: unknown
  try {
    json = await c.req.json()
  } catch {
    throw ApiError.badRequest('Förfrågan är inte giltig JSON.', 'invalid_json')
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') || 'body'
    throw ApiError.badRequest(`Ogiltigt fält "${field}": ${issue?.message ?? 'fel format'}`, 'invalid_field')
  }
  return parsed.data
}
