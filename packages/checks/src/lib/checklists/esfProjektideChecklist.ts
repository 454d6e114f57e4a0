import type { Checklist } from '../Checklist.ts'
import { defineItem } from './defineItem.ts'
import { families as f } from './families.ts'
import { outdatedTerms } from './outdatedTerms.ts'

// The problem analysis proper (criterion 1: challenges for the principles belong here) and
// the wider analysis that also covers target group, actors and the principles' work area.
const PROBLEM = ['problem', 'orsaker', 'konsekvenser']
const ANALYSIS = [...PROBLEM, 'tidigare-insatser', 'malgrupp', 'aktorer', 'horisontella-principer']
const GROUNDS = [
  f.groundSex,
  f.groundTrans,
  f.groundEthnicity,
  f.groundReligion,
  f.groundDisability,
  f.groundSexuality,
  f.groundAge,
]

/** Checklist for ESF+ project ideas: the selection criteria plus the three horizontal principles. */
export const esfProjektideChecklist: Checklist = {
  id: 'esf-projektide',
  version: '2026-1',
  templateId: 'esf-projektide',
  title: 'Kontroll av ESF+ projektidé',
  items: [
    defineItem('A1', { type: 'required-filled' }),
    defineItem('A2', { type: 'char-limits' }),
    defineItem('A3', { type: 'indicators-complete', sectionKey: 'indikatorer' }),
    defineItem('A4', { type: 'budget-sums', sectionKey: 'budget' }),
    defineItem('A5', { type: 'plan-dates', sectionKey: 'tidsplan', periodSectionKey: 'oversikt' }),
    defineItem('A6', { type: 'manual', sectionKey: 'forankring' }),

    defineItem('J1', {
      type: 'coverage',
      sectionKeys: PROBLEM,
      groups: [f.women, f.men],
      none: 'fail',
      some: 'warn',
    }),
    defineItem('J2', {
      type: 'number-near',
      sectionKeys: [...PROBLEM, 'malgrupp'],
      families: [f.women, f.men],
      window: 8,
      missing: 'fail',
    }),
    defineItem('J3', {
      type: 'indicators-by-sex',
      sectionKeys: ['indikatorer'],
      families: [f.bySex],
      pair: [f.women, f.men],
    }),
    defineItem('J4', { type: 'gender-split', sectionKey: 'deltagare' }),
    defineItem('J5', {
      type: 'mentions',
      sectionKeys: ['projektmal'],
      families: [f.genderEquality],
      minHits: 1,
      missing: 'fail',
    }),
    defineItem('J6', {
      type: 'mentions',
      sectionKeys: ['kompetenser', 'budget', 'horisontella-principer'],
      families: [f.genderCompetence],
      minHits: 1,
      missing: 'warn',
    }),
    defineItem('J7', { type: 'manual', sectionKey: 'problem' }),
    defineItem('J8', { type: 'manual', sectionKey: 'projektmal' }),
    defineItem('J9', { type: 'manual', sectionKey: 'huvudaktiviteter' }),
    defineItem('J10', { type: 'manual', sectionKey: 'utvardering' }),

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
    // The easy-read summary is optional in the ESF+ form, so a missing one only warns here.
    defineItem('T4', {
      type: 'lix',
      sectionKeys: ['lattlast'],
      maxLix: 40,
      over: 'fail',
      missing: 'warn',
      minWords: 1,
    }),
    // English is not measured: LIX's six-letter threshold is calibrated for Swedish.
    defineItem('T5', {
      type: 'lix',
      excludeKeys: ['lattlast', 'summary-en'],
      maxLix: 60,
      over: 'warn',
      minWords: 30,
    }),
    defineItem('T6', {
      type: 'mentions',
      sectionKeys: ['tidsplan', 'budget', 'huvudaktiviteter', 'metod'],
      families: [f.accommodations],
      minHits: 1,
      missing: 'warn',
    }),
    defineItem('T7', { type: 'manual', sectionKey: 'problem' }),
    defineItem('T8', { type: 'manual', sectionKey: 'huvudaktiviteter' }),
    defineItem('T9', { type: 'manual', sectionKey: 'malgrupp' }),

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
      sectionKeys: ['malgrupp'],
      families: [f.reachGroups],
      minHits: 1,
      missing: 'warn',
    }),
    defineItem('D5', {
      type: 'mentions',
      sectionKeys: ['indikatorer', 'utvardering'],
      families: [f.equalTreatment],
      minHits: 1,
      missing: 'fail',
    }),
    defineItem('D6', { type: 'manual', sectionKey: 'metod' }),
    defineItem('D7', { type: 'manual', sectionKey: 'problem' }),
    defineItem('D8', { type: 'manual', sectionKey: 'huvudaktiviteter' }),
    defineItem('D9', { type: 'manual', sectionKey: 'malgrupp' }),
  ],
}
