import type { Checklist } from '../Checklist.ts'
import { defineItem } from './defineItem.ts'
import { families as f } from './families.ts'
import { outdatedTerms } from './outdatedTerms.ts'

// A färdplan has no separate problem questions: its analysis lives in the current situation
// and in the section on how activities handle the principles.
const ANALYSIS = ['nulage', 'horisontella-principer']
const GROUNDS = [
  f.groundSex,
  f.groundTrans,
  f.groundEthnicity,
  f.groundReligion,
  f.groundDisability,
  f.groundSexuality,
  f.groundAge,
]

/** Checklist for a färdplan. No budget or participant counts: those belong to applications. */
export const fardplanChecklist: Checklist = {
  id: 'fardplan',
  version: '2026-1',
  templateId: 'fardplan',
  title: 'Kontroll av färdplan',
  items: [
    defineItem('A1', { type: 'required-filled' }),
    defineItem('A2', { type: 'char-limits' }),
    defineItem('A3', { type: 'indicators-complete', sectionKey: 'mal' }),
    defineItem('A5', { type: 'plan-dates', sectionKey: 'aktivitetsplan' }),

    defineItem('J1', {
      type: 'coverage',
      sectionKeys: ANALYSIS,
      groups: [f.women, f.men],
      none: 'fail',
      some: 'warn',
    }),
    defineItem('J2', {
      type: 'number-near',
      sectionKeys: ['nulage'],
      families: [f.women, f.men],
      window: 8,
      missing: 'fail',
    }),
    defineItem('J3', {
      type: 'indicators-by-sex',
      sectionKeys: ['mal'],
      families: [f.bySex],
      pair: [f.women, f.men],
    }),
    defineItem('J5', {
      type: 'mentions',
      sectionKeys: ['mal'],
      families: [f.genderEquality],
      minHits: 1,
      missing: 'fail',
    }),
    defineItem('J6', {
      type: 'mentions',
      sectionKeys: ['organisation', 'horisontella-principer'],
      families: [f.genderCompetence],
      minHits: 1,
      missing: 'warn',
    }),
    defineItem('J7', { type: 'manual', sectionKey: 'nulage' }),
    defineItem('J8', { type: 'manual', sectionKey: 'mal' }),
    defineItem('J9', { type: 'manual', sectionKey: 'horisontella-principer' }),
    defineItem('J10', { type: 'manual', sectionKey: 'uppfoljning' }),

    defineItem('T1', {
      type: 'mentions',
      sectionKeys: ANALYSIS,
      families: [f.disability],
      minHits: 1,
      missing: 'fail',
    }),
    defineItem('T2', {
      type: 'coverage',
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
      sectionKeys: ['aktivitetsplan', 'horisontella-principer', 'forankring'],
      families: [f.accommodations],
      minHits: 1,
      missing: 'warn',
    }),
    defineItem('T7', { type: 'manual', sectionKey: 'horisontella-principer' }),
    defineItem('T8', { type: 'manual', sectionKey: 'horisontella-principer' }),
    defineItem('T9', { type: 'manual', sectionKey: 'forankring' }),

    defineItem('D1', {
      type: 'coverage',
      sectionKeys: ANALYSIS,
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
      sectionKeys: ANALYSIS,
      first: f.groundSex,
      others: GROUNDS.slice(1),
      missing: 'warn',
    }),
    defineItem('D4', {
      type: 'mentions',
      sectionKeys: ['forankring', 'horisontella-principer'],
      families: [f.reachGroups],
      minHits: 1,
      missing: 'warn',
    }),
    defineItem('D5', {
      type: 'mentions',
      sectionKeys: ['uppfoljning', 'mal'],
      families: [f.equalTreatment],
      minHits: 1,
      missing: 'fail',
    }),
    defineItem('D6', { type: 'manual', sectionKey: 'horisontella-principer' }),
    defineItem('D7', { type: 'manual', sectionKey: 'nulage' }),
    defineItem('D8', { type: 'manual', sectionKey: 'organisation' }),
    defineItem('D9', { type: 'manual', sectionKey: 'organisation' }),
  ],
}
