import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SIGN_OFF_NOTE_MAX_CHARS } from '@samskriv/checks'
import { documentAfter } from './documentAfter.ts'
import { signOffRefusal as refusalAfter, type SignOffActor } from './signOffAuthorship.ts'

/** The refusal for `update` applied to `server`, as the permissions extension asks it. */
const signOffRefusal = (server: Y.Doc, update: Uint8Array, actor: SignOffActor) => refusalAfter(server, documentAfter(server, update)!, actor)

/** A server doc where analyst `anna` signed item J1. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.getMap('checks').set('J1', signOff('anna'))
  return doc
}

function signOff(by: string, status = 'pass'): Y.Map<string> {
  return new Y.Map<string>([['status', status], ['note', ''], ['by', by], ['at', '2026-11-24T07:00:00Z']])
}

/** What a client holding the server's state sends after `change`. */
function updateFrom(server: Y.Doc, change: (checks: Y.Map<unknown>) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  client.transact(() => change(client.getMap('checks')))
  return Y.encodeStateAsUpdate(client, before)
}

const anna = { userId: 'anna', role: 'analyst' as const }
const bo = { userId: 'bo', role: 'analyst' as const }
const cecilia = { userId: 'cecilia', role: 'coordinator' as const }

describe('signOffRefusal', () => {
  it('lets an analyst sign in their own name, and change their own sign-off', () => {
    const server = serverDoc()
    expect(signOffRefusal(server, updateFrom(server, (checks) => checks.set('J2', signOff('bo'))), bo)).toBeNull()
    expect(signOffRefusal(server, updateFrom(server, (checks) => (checks.get('J1') as Y.Map<string>).set('note', 'Tydligt.')), anna)).toBeNull()
  })

  it('refuses a sign-off in somebody else’s name', () => {
    const server = serverDoc()
    expect(signOffRefusal(server, updateFrom(server, (checks) => checks.set('J2', signOff('anna'))), bo)).toMatch(/eget id/)
    // Editing another's sign-off in place keeps their name on what they did not write.
    expect(signOffRefusal(server, updateFrom(server, (checks) => (checks.get('J1') as Y.Map<string>).set('note', 'Ändrad av Bo')), bo)).toMatch(/eget id/)
  })

  it("lets any analyst re-sign or remove an item in their own name, as the checklist view offers", () => {
    const server = serverDoc()
    const replace = (by: string) => updateFrom(server, (checks) => checks.set('J1', signOff(by, 'fail')))
    const remove = updateFrom(server, (checks) => checks.delete('J1'))
    expect(signOffRefusal(server, replace('bo'), bo)).toBeNull()
    expect(signOffRefusal(server, replace('anna'), bo)).toMatch(/eget id/)
    expect(signOffRefusal(server, remove, bo)).toBeNull()
    expect(signOffRefusal(server, replace('cecilia'), cecilia)).toBeNull()
  })

  it('refuses anything in the root that is not a sign-off', () => {
    const server = serverDoc()
    expect(signOffRefusal(server, updateFrom(server, (checks) => checks.set('J3', 'pass')), bo)).toMatch(/måste vara en signering/)
  })

  it('refuses a note longer than the form allows, in a new sign-off or an edited one', () => {
    const server = serverDoc()
    const withNote = (note: string) => new Y.Map<string>([['status', 'pass'], ['note', note], ['by', 'bo'], ['at', '2026-11-24T08:00:00Z']])
    expect(signOffRefusal(server, updateFrom(server, (checks) => checks.set('J2', withNote('x'.repeat(SIGN_OFF_NOTE_MAX_CHARS)))), bo)).toBeNull()
    expect(signOffRefusal(server, updateFrom(server, (checks) => checks.set('J2', withNote('x'.repeat(SIGN_OFF_NOTE_MAX_CHARS + 1)))), bo)).toMatch(
      /högst 1000 tecken/,
    )
    const longer = updateFrom(server, (checks) => (checks.get('J1') as Y.Map<string>).set('note', 'x'.repeat(20_000)))
    expect(signOffRefusal(server, longer, anna)).toMatch(/högst 1000 tecken/)
  })
})
