import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { projectPeriodSource } from './projectPeriodSource.ts'
import { readProjectPeriod } from './readProjectPeriod.ts'
import { setProjectPeriod } from './setProjectPeriod.ts'
import { testActivity } from './testActivity.ts'
import { validatePlan } from './validatePlan.ts'

const fardplan = [
  { id: 's1', key: 'syfte', kind: null },
  { id: 's5', key: 'aktivitetsplan', kind: 'plan' },
]
const esf = [
  { id: 'o', key: 'oversikt' },
  { id: 't', key: 'tidsplan', kind: 'plan' },
]

describe('the project period', () => {
  it('lives where the checks engine reads it: the ESF+ overview, else the plan section', () => {
    expect(projectPeriodSource(esf)).toEqual({ sectionId: 'o', startKey: 'start', endKey: 'end' })
    expect(projectPeriodSource(fardplan)).toEqual({ sectionId: 's5', startKey: 'periodStart', endKey: 'periodEnd' })
    expect(projectPeriodSource([{ id: 'x', key: 'syfte' }])).toBeNull()
  })

  it('is written per key into the section’s fields entry and read back as months', () => {
    const doc = new Y.Doc()
    const source = projectPeriodSource(fardplan)!
    expect(readProjectPeriod(doc, source)).toEqual({ start: null, end: null })
    setProjectPeriod(doc, source, { start: '2025-01' })
    setProjectPeriod(doc, source, { end: '2026-06' })
    expect(readProjectPeriod(doc, source)).toEqual({ start: '2025-01', end: '2026-06' })
    const entry = doc.getMap('fields').get('s5') as Y.Map<unknown>
    expect(entry.toJSON()).toEqual({ periodStart: '2025-01', periodEnd: '2026-06' })
    setProjectPeriod(doc, source, { end: null })
    expect(readProjectPeriod(doc, source)).toEqual({ start: '2025-01', end: null })
    expect(() => setProjectPeriod(doc, source, { start: '2025-13' })).toThrow(TypeError)
    expect(readProjectPeriod(doc, source).start).toBe('2025-01')
  })

  it('reads the ESF+ overview’s dates as months and keeps a date whose month is unchanged', () => {
    const doc = new Y.Doc()
    const overview = new Y.Map<unknown>()
    doc.getMap('fields').set('o', overview)
    overview.set('start', '2025-02-15')
    overview.set('end', 'snart')
    overview.set('name', 'Vägen in')
    const source = projectPeriodSource(esf)!
    expect(readProjectPeriod(doc, source)).toEqual({ start: '2025-02', end: null })
    setProjectPeriod(doc, source, { start: '2025-02', end: '2027-01' })
    expect(overview.toJSON()).toEqual({ start: '2025-02-15', end: '2027-01', name: 'Vägen in' })
  })

  it('edits of start and end by two people at once both survive', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const source = projectPeriodSource(fardplan)!
    setProjectPeriod(a, source, { start: '2025-01', end: '2025-12' })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    setProjectPeriod(a, source, { start: '2025-03' })
    setProjectPeriod(b, source, { end: '2026-12' })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readProjectPeriod(a, source)).toEqual({ start: '2025-03', end: '2026-12' })
    expect(readProjectPeriod(b, source)).toEqual(readProjectPeriod(a, source))
  })

  it('feeds validatePlan, which reports activities outside it', () => {
    const doc = new Y.Doc()
    const source = projectPeriodSource(fardplan)!
    setProjectPeriod(doc, source, { start: '2024-01', end: '2024-06' })
    const { start, end } = readProjectPeriod(doc, source)
    const issues = validatePlan([testActivity({ start: '2023-12', end: '2024-07' })], {
      projectStart: start ?? undefined,
      projectEnd: end ?? undefined,
    })
    expect(issues.map((issue) => issue.code)).toEqual(['starts-before-project', 'ends-after-project'])
    expect(issues[0]?.message).toBe(
      '”Kartläggning av samverkan” börjar december 2023, före projektets start januari 2024.',
    )
  })
})
