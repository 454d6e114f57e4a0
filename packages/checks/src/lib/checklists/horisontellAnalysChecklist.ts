import type { Checklist } from '../Checklist.ts'
import { defineItem } from './defineItem.ts'
import { families as f } from './families.ts'
import { outdatedTerms } from './outdatedTerms.ts'

const GROUNDS = [
  f.groundSex,
  f.groundTrans,
  f.groundEthnicity,
  f.groundReligion,
  f.groundDisability,
  f.groundSexuality,
  f.groundAge,
]

/** Checklist for a horizontal-principles analysis: each principle is read in its own section. */
export const horisontellAnalysChecklist: Checklist = {
  id: 'horisontell-analys',
  version: '2026-1',
  templateId: 'horisontell-analys',
  title: 'Kontroll av horisontell principanalys',
  items: [
    defineItem('A1', { type: 'required-filled' }),
    defineItem('A2', { type: 'char-limits' }),
    defineItem('A3', { type: 'indicators-complete', sectionKey: 'slutsatser' }),

    defineItem('J1', {
      type: 'coverage',
      sectionKeys: ['nulagesbild', 'jamstalldhet'],
      groups: [f.women, f.men],
      none: 'fail',
      some: 'warn',
    }),
    defineItem('J2', {
      type: 'number-near',
      sectionKeys: ['nulagesbild', 'jamstalldhet'],
      families: [f.women, f.men],
      window: 8,
      missing: 'fail',
    }),
    defineItem('J3', {
      type: 'indicators-by-sex',
      sectionKeys: ['slutsatser'],
      families: [f.bySex],
      pair: [f.women, f.men],
    }),
    defineItem('J5', {
      type: 'mentions',
      sectionKeys: ['slutsatser'],
      families: [f.genderEquality],
      minHits: 1,
      missing: 'fail',
    }),
    defineItem('J6', {
      type: 'mentions',
      sectionKeys: ['kompetens'],
      families: [f.genderCompetence],
      minHits: 1,
      missing: 'warn',
    }),
    defineItem('J7', { type: 'manual', sectionKey: 'jamstalldhet' }),
    defineItem('J8', { type: 'manual', sectionKey: 'slutsatser' }),
    defineItem('J9', { type: 'manual', sectionKey: 'jamstalldhet' }),
    defineItem('J10', { type: 'manual', sectionKey: 'uppfoljning' }),

    defineItem('T1', {
      type: 'mentions',
      sectionKeys: ['tillganglighet', 'nulagesbild'],
      families: [f.disability],
      minHits: 1,
      missing: 'fail',
    }),
    defineItem('T2', {
      type: 'coverage',
      sectionKeys: ['tillganglighet', 'atgarder'],
      groups: [f.premises, f.information, f.operations],
      none: 'fail',
      some: 'warn',
    }),
    defineItem('T3', {
      type: 'mentions-if',
      trigger: f.digital,
      required: [f.digitalAccessibility],
      missing: 'fail',
    }),
    defineItem('T4', {
      type: 'lix',
      sectionKeys: ['lattlast'],
      maxLix: 40,
      over: 'fail',
      missing: 'fail',
      minWords: 1,
    }),
    defineItem('T5', {
      type: 'lix',
      excludeKeys: ['lattlast'],
      maxLix: 60,
      over: 'warn',
      minWords: 30,
    }),
    defineItem('T6', {
      type: 'mentions',
      sectionKeys: ['atgarder'],
      families: [f.accommodations],
      minHits: 1,
      missing: 'warn',
    }),
    defineItem('T7', { type: 'manual', sectionKey: 'tillganglighet' }),
    defineItem('T8', { type: 'manual', sectionKey: 'tillganglighet' }),
    defineItem('T9', { type: 'manual', sectionKey: 'tillganglighet' }),

    defineItem('D1', {
      type: 'coverage',
      sectionKeys: ['icke-diskriminering'],
      groups: GROUNDS,
      none: 'fail',
      some: 'warn',
    }),
    defineItem('D2', {
      type: 'avoid',
      terms: outdatedTerms,
      found: 'warn',
    }),
    defineItem('D3', {
      type: 'same-sentence',
      sectionKeys: ['nulagesbild', 'jamstalldhet', 'tillganglighet', 'icke-diskriminering'],
      first: f.groundSex,
      others: GROUNDS.slice(1),
      missing: 'warn',
    }),
    defineItem('D4', {
      type: 'mentions',
      sectionKeys: ['icke-diskriminering', 'atgarder'],
      families: [f.reachGroups],
      minHits: 1,
      missing: 'warn',
    }),
    defineItem('D5', {
      type: 'mentions',
      sectionKeys: ['uppfoljning', 'slutsatser'],
      families: [f.equalTreatment],
      minHits: 1,
      missing: 'fail',
    }),
    defineItem('D6', { type: 'manual', sectionKey: 'icke-diskriminering' }),
    defineItem('D7', { type: 'manual', sectionKey: 'icke-diskriminering' }),
    defineItem('D8', { type: 'manual', sectionKey: 'atgarder' }),
    defineItem('D9', { type: 'manual', sectionKey: 'underlag' }),
  ],
}
