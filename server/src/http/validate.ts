import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError } from './ApiError.ts'
import { fieldMessage } from './fieldMessage.ts'

/** A refinement's own message is written for the user (displayText's); zod's built-in checks are not. */
function issueMessage(issue: z.core.$ZodIssue): string {
  return issue.code === 'custom' && issue.message ? issue.message : fieldMessage(issue)
}

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
    throw ApiError.badRequest(issue ? issueMessage(issue) : 'Förfrågan är inte giltig.', 'invalid_field')
  }
  return parsed.data
}
