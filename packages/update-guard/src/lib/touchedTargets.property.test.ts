import { DISCARDED_ROOT, type WriteTarget } from '@samskriv/schema'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changedTargets, hasPending } from './testing/changedTargets.ts'
import { applySession, sessionArbitrary } from './testing/randomEdits.ts'
import { cloneDoc, diffUpdate, sampleDoc } from './testing/sampleDoc.ts'
import { touchedTargets } from './touchedTargets.ts'

const key = (target: WriteTarget): string => JSON.stringify([target.root, target.key ?? null])

/**
 * Client 10 edits a replica while client 20 edits another; the server may or may not have
 * applied client 20's work first, and client 10 may or may not have seen it. Either way the
 * guard must report every target that really changes when client 10's update is applied.
 */
const scenario = fc.record({
  own: sessionArbitrary,
  other: sessionArbitrary,
  serverHasOther: fc.boolean(),
  clientSawOther: fc.boolean(),
})

describe('touchedTargets against the oracle', () => {
  it('reports every (root, key) that applying the update changes', () => {
    fc.assert(
      fc.property(scenario, ({ own, other, serverHasOther, clientSawOther }) => {
        const server = sampleDoc(1)
        const client = cloneDoc(server, 10)
        const peer = cloneDoc(server, 20)
        applySession(peer, other)
        const peerUpdate = diffUpdate(peer, server)
        if (serverHasOther) Y.applyUpdate(server, peerUpdate)
        if (clientSawOther) Y.applyUpdate(client, peerUpdate)
        applySession(client, own)

        const update = diffUpdate(client, server)
        const result = touchedTargets(server, update)
        if (!result.ok) throw new Error(`${result.code}: ${result.message}`)

        const replica = cloneDoc(server, 2)
        const actual = changedTargets(replica, update)
        expect(hasPending(replica)).toBe(false)
        const reported = new Set(result.targets.map(key))
        for (const target of actual) {
          // Content collected at the end of the transaction (it landed in a type deleted
          // meanwhile) is reported where it landed, which any role that may write there may discard.
          if (target.root === DISCARDED_ROOT && reported.size > 0) continue
          expect(reported, `missing ${key(target)}`).toContain(key(target))
        }
      }),
      { numRuns: 200 },
    )
  })

  it('reports exactly what changes when the server and the client are in step', () => {
    // Over-reporting is safe but rejects honest work; without concurrency there is nothing to guess.
    fc.assert(
      fc.property(sessionArbitrary, (own) => {
        const server = sampleDoc(1)
        const client = cloneDoc(server, 10)
        applySession(client, own)
        const update = diffUpdate(client, server)
        const result = touchedTargets(server, update)
        if (!result.ok) throw new Error(`${result.code}: ${result.message}`)
        const actual = changedTargets(cloneDoc(server, 2), update)
        expect(result.targets.map(key).sort()).toEqual(actual.map(key).sort())
      }),
      { numRuns: 150 },
    )
  })

  it('rejects, and never lets Yjs park, an update whose predecessor the server lacks', () => {
    fc.assert(
      fc.property(sessionArbitrary, sessionArbitrary, (first, second) => {
        const server = sampleDoc(1)
        const client = cloneDoc(server, 10)
        applySession(client, first)
        const before = Y.encodeStateVector(client)
        applySession(client, second)
        const later = Y.encodeStateAsUpdate(client, before)
        const result = touchedTargets(server, later)
        const replica = cloneDoc(server, 2)
        Y.applyUpdate(replica, later)
        // The guard accepts exactly the updates Yjs can integrate completely right now.
        expect(result.ok).toBe(!hasPending(replica))
        if (!result.ok) expect(result.code).toBe('missing-dependency')
      }),
      { numRuns: 150 },
    )
  })
})
