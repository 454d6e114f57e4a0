import { ROLES, mayWrite, type PermissionContext } from '@samskriv/schema'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkUpdate } from './checkUpdate.ts'
import { changedTargets, hasPending } from './testing/changedTargets.ts'
import { applySession, sessionArbitrary } from './testing/randomEdits.ts'
import { SECTION_IDS, cloneDoc, diffUpdate, rootsJson, sampleDoc } from './testing/sampleDoc.ts'
import { touchedTargets } from './touchedTargets.ts'

const scenario = fc.record({
  role: fc.constantFrom(...ROLES),
  locked: fc.subarray([...SECTION_IDS]),
  first: sessionArbitrary,
  second: sessionArbitrary,
  dependent: sessionArbitrary,
})

describe('checkUpdate with random roles and locks', () => {
  it('accepts exactly the writable updates, never parks, and replicas converge', () => {
    // Which verdicts the dependent update got, to show the run reached every branch.
    const dependentVerdicts = new Set<string>()
    fc.assert(
      fc.property(scenario, ({ role, locked, first, second, dependent }) => {
        const context: PermissionContext = {
          isLocked: (id) => locked.includes(id as (typeof SECTION_IDS)[number]),
        }
        const server = sampleDoc(1)
        const a = cloneDoc(server, 10)
        const b = cloneDoc(server, 20)
        applySession(a, first)
        applySession(b, second)
        // Client 30 builds on client 10's work: if the server refused that, 30's update must not slip in.
        const c = cloneDoc(a, 30)
        applySession(c, dependent)
        const updates = {
          a: diffUpdate(a, server),
          b: diffUpdate(b, server),
          c: Y.encodeStateAsUpdate(c, Y.encodeStateVector(a)),
        }

        const run = (
          order: (keyof typeof updates)[],
        ): { replica: Y.Doc; accepted: Set<string> } => {
          const replica = cloneDoc(server, 2)
          const accepted = new Set<string>()
          for (const name of order) {
            const update = updates[name]
            const touched = touchedTargets(replica, update)
            const verdict = checkUpdate(replica, update, role, context)
            if (name === 'c') dependentVerdicts.add(verdict.ok ? 'ok' : verdict.code)
            if (touched.ok) {
              expect(verdict.ok).toBe(
                touched.targets.every((target) => mayWrite(role, target, context)),
              )
            } else {
              expect(verdict).toEqual(touched)
            }
            if (!verdict.ok) continue
            accepted.add(name)
            // Soundness: nothing the role may not write actually changes.
            for (const target of changedTargets(replica, update))
              expect(mayWrite(role, target, context)).toBe(true)
            expect(hasPending(replica)).toBe(false)
          }
          return { replica, accepted }
        }

        const one = run(['a', 'b', 'c'])
        const two = run(['b', 'a', 'c'])
        expect([...two.accepted].sort()).toEqual([...one.accepted].sort())
        expect(Y.encodeStateVector(two.replica)).toEqual(Y.encodeStateVector(one.replica))
        // Yjs tidies formatting after a transaction (deleting markers that no longer format
        // anything), and which markers depends on the order updates came in: replicas agree once
        // they have exchanged those deletions, as the server and its clients do.
        Y.applyUpdate(one.replica, Y.encodeStateAsUpdate(two.replica))
        Y.applyUpdate(two.replica, Y.encodeStateAsUpdate(one.replica))
        expect(rootsJson(two.replica)).toEqual(rootsJson(one.replica))
      }),
      { numRuns: 150 },
    )
    expect([...dependentVerdicts].sort()).toEqual(['forbidden', 'missing-dependency', 'ok'])
  })
})
