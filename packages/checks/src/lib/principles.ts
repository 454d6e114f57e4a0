import type { Principle } from './CheckReport.ts'

/** Report groups in display order, with their Swedish headings. */
export const PRINCIPLES: readonly { principle: Principle; title: string }[] = Object.freeze([
  { principle: 'allmant', title: 'Allmänt och fullständighet' },
  { principle: 'jamstalldhet', title: 'Jämställdhet' },
  { principle: 'tillganglighet', title: 'Tillgänglighet' },
  { principle: 'icke-diskriminering', title: 'Icke-diskriminering' },
])
