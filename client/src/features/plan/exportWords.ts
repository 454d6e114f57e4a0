import type { PlanWords } from '@samskriv/plan'
import { getLang } from '../../app/i18n.ts'

const ENGLISH: PlanWords = {
  headers: ['ID', 'Activity', 'Description', 'Phase', 'Start month', 'End month', 'Status', 'Owner', 'Repeats', 'Repeats until', 'Links'],
  status: { planerad: 'planned', pagar: 'in progress', klar: 'done', installd: 'cancelled' },
  recurrence: { month: 'every month', quarter: 'every quarter' },
  external: 'external',
  departed: 'has left the workspace',
  owner: 'Owner',
  phase: 'Phase',
  statusLine: 'Status',
  linkedTo: 'Linked to',
  untitled: 'Untitled activity',
}

/** The words of the plan's CSV and calendar in the UI's language (the package's are Swedish). */
export function exportWords(): PlanWords | undefined {
  return getLang() === 'en' ? ENGLISH : undefined
}
