import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createdClientIds } from './clientIdBinding.ts'

describe('createdClientIds', () => {
  it('names the client ids of new structs only, not those the document already has', () => {
    const server = new Y.Doc()
    const anna = new Y.Doc()
    anna.getText('t').insert(0, 'hej')
    const annas = Y.encodeStateAsUpdate(anna)
    expect(createdClientIds(server, annas)).toEqual([anna.clientID])
    Y.applyUpdate(server, annas)
    // Resent state creates nothing; a continuation does.
    expect(createdClientIds(server, annas)).toEqual([])
    const before = Y.encodeStateVector(anna)
    anna.getText('t').insert(3, '!')
    expect(createdClientIds(server, Y.encodeStateAsUpdate(anna, before))).toEqual([anna.clientID])
    // A deletion creates no struct.
    const beforeDelete = Y.encodeStateVector(anna)
    anna.getText('t').delete(0, 1)
    expect(createdClientIds(server, Y.encodeStateAsUpdate(anna, beforeDelete))).toEqual([])
  })
})
