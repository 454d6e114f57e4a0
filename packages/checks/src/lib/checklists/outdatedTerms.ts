import { families as f } from './families.ts'

/** Outdated or demeaning words (D2) and what to write instead; shared by every checklist. */
export const outdatedTerms = [
  {
    family: f.outdatedHandicap,
    suggestion: 'funktionsnedsättning (hos personen) eller funktionshinder (i miljön)',
  },
  {
    family: f.outdatedDisabled,
    suggestion: 'person med funktionsnedsättning eller rullstolsanvändare',
  },
  {
    family: f.outdatedRace,
    suggestion: 'etnisk tillhörighet (eller rasism när det gäller fördomar)',
  },
  { family: f.outdatedGypsy, suggestion: 'romer' },
] as const
