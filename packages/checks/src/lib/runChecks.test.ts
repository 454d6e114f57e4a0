import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SignOff } from './CheckDocument.ts'
import type { CheckReport } from './CheckReport.ts'
import { getChecklist } from './getChecklist.ts'
import { runChecks } from './runChecks.ts'
import { sectionSignOffHash } from './text/sectionSignOffHash.ts'
import { buildDocument } from './testing/buildDocument.ts'
import { esfWith } from './testing/checkItem.ts'
import { esfInputs } from './testing/esfInputs.ts'

const items = (report: CheckReport) => report.groups.flatMap((group) => group.items)

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** Signs every manual item as passed, with the hash of its section's current text and values. */
function signAll(inputs = esfInputs): Record<string, SignOff> {
  const signOffs: Record<string, SignOff> = {}
  for (const item of getChecklist('esf-projektide').items) {
    if (item.rule.type !== 'manual') continue
    const key = item.rule.sectionKey
    const input = key ? inputs[key] : undefined
    const text = typeof input === 'string' ? input : (input?.text ?? '')
    const fields = typeof input === 'object' ? input.fields : undefined
    signOffs[item.id] = {
      status: 'pass',
      note: '',
      by: 'Analytiker Berg',
      at: '2026-03-02T10:00:00Z',
      sectionHash: sectionSignOffHash(text, fields),
    }
  }
  return signOffs
}

describe('runChecks', () => {
  it('reports the complete fixture: every automatic item passes, manual items wait', () => {
    const report = runChecks(buildDocument('esf-projektide', esfInputs))
    expect(report).toMatchObject({
      checklistId: 'esf-projektide',
      checklistVersion: '2026-1',
      templateId: 'esf-projektide',
    })
    expect(report.groups.map((group) => group.principle)).toEqual([
      'allmant',
      'jamstalldhet',
      'tillganglighet',
      'icke-diskriminering',
    ])
    expect(report.groups.map((group) => group.title)).toEqual([
      'Allmänt och fullständighet',
      'Jämställdhet',
      'Tillgänglighet',
      'Icke-diskriminering',
    ])
    const automatic = items(report).filter((item) => item.kind === 'automatic')
    expect(
      automatic
        .filter((item) => item.status !== 'pass')
        .map((item) => `${item.id}: ${item.message}`),
    ).toEqual([])
    expect(
      items(report)
        .filter((item) => item.kind === 'manual')
        .every((item) => item.status === 'pending'),
    ).toBe(true)
    expect(report.verdict).toBe('pending')
  })

  it('passes once every manual item is signed off, warns on a warning, fails on a failure', () => {
    expect(runChecks(buildDocument('esf-projektide', esfInputs, signAll())).verdict).toBe('pass')
    const warned = esfWith({ 'summary-en': 'Kort.', lattlast: '' })
    expect(runChecks(buildDocument('esf-projektide', warned, signAll(warned))).verdict).toBe('warn')
    const failed = esfWith({ deltagare: { fields: { women: 34, men: 26, total: 61 } } })
    const report = runChecks(buildDocument('esf-projektide', failed, signAll(failed)))
    expect(report.verdict).toBe('fail')
    expect(
      items(report)
        .filter((item) => item.status === 'fail')
        .map((item) => item.id),
    ).toEqual(['J4'])
  })

  it('fails an empty document of every template without throwing', () => {
    for (const templateId of ['fardplan', 'esf-projektide', 'horisontell-analys'] as const) {
      const report = runChecks(buildDocument(templateId))
      expect(report.verdict).toBe('fail')
      expect(items(report).find((item) => item.id === 'A1')?.status).toBe('fail')
    }
  })

  it('is deterministic: same input, same report, whatever the order of field keys', () => {
    const doc = deepFreeze(buildDocument('esf-projektide', esfInputs, signAll()))
    const first = JSON.stringify(runChecks(doc))
    expect(JSON.stringify(runChecks(doc))).toBe(first)
    const budget = esfInputs['budget'] as { fields: Record<string, unknown> }
    const reordered = Object.fromEntries(Object.entries(budget.fields).reverse())
    const again = buildDocument(
      'esf-projektide',
      esfWith({ budget: { fields: reordered } }),
      signAll(),
    )
    expect(JSON.stringify(runChecks(again))).toBe(first)
  })

  it('never throws and stays deterministic on arbitrary text and field values', () => {
    const keys = [
      'problem',
      'malgrupp',
      'budget',
      'deltagare',
      'tidsplan',
      'indikatorer',
      'lattlast',
    ]
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...keys),
          fc.record({ text: fc.string(), fields: fc.dictionary(fc.string(), fc.jsonValue()) }),
        ),
        (inputs) => {
          const doc = buildDocument('esf-projektide', inputs)
          expect(JSON.stringify(runChecks(doc))).toBe(JSON.stringify(runChecks(doc)))
        },
      ),
      { numRuns: 60 },
    )
  })
})
