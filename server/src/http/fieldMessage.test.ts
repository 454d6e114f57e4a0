import { documentBody, memberBody, registerBody, workspaceBody } from '@samskriv/schema'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { fieldMessage } from './fieldMessage.ts'

function messageFor(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value)
  if (parsed.success) throw new Error('expected a validation issue')
  return fieldMessage(parsed.error.issues[0]!)
}

describe('fieldMessage', () => {
  it('says in Swedish what is wrong with a field, in the words of the form', () => {
    expect(messageFor(registerBody, { email: 'a@b.se', name: 'A', password: 'kort' })).toBe('Lösenordet måste ha minst 8 tecken.')
    expect(messageFor(workspaceBody, { name: '   ' })).toBe('Ange ett namn.')
    expect(messageFor(documentBody, { template: 'fardplan', title: 'x'.repeat(201) })).toBe('Titeln får ha högst 200 tecken.')
    expect(messageFor(memberBody, { email: 'inte-en-adress', role: 'editor' })).toBe('Ange en giltig e-postadress.')
    expect(messageFor(memberBody, { email: 'a@b.se', role: 'chef' })).toBe('Välj en roll.')
    expect(messageFor(registerBody, { email: 'a@b.se', password: 'lösenord123' })).toBe('Ange ett namn.')
  })
})
