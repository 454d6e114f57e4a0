import { describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { readUsers } from './useAwarenessUsers.ts'

describe('readUsers', () => {
  it('lists a person with two tabs open once, and the local user first', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalStateField('user', { id: 'u-erik', name: 'Erik', color: '#111' })
    const states = awareness.getStates()
    states.set(101, { user: { id: 'u-anna', name: 'Anna', color: '#222' } })
    states.set(102, { user: { id: 'u-anna', name: 'Anna', color: '#222' } })
    // Erik in a second tab as well.
    states.set(103, { user: { id: 'u-erik', name: 'Erik', color: '#111' } })
    states.set(104, { user: { id: 'u-bo', name: 'Bo', color: '#333' } })
    const users = readUsers({ awareness } as never)
    expect(users.map((user) => [user.name, user.isSelf])).toEqual([['Erik', true], ['Anna', false], ['Bo', false]])
    expect(users[0]?.clientId).toBe(awareness.clientID)
  })
})
