import { getTemplate } from '@samskriv/schema'
import type { CheckItemResult, CheckReport, CheckStatus, Verdict } from './CheckReport.ts'
import { escapeMarkdown } from './format/escapeMarkdown.ts'

const STATUS_TEXT: Readonly<Record<CheckStatus, string>> = {
  pass: 'Uppfylld',
  warn: 'Varning',
  fail: 'Ej uppfylld',
  pending: 'Väntar på bedömning',
}

const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  pass: 'Klar – alla punkter är uppfyllda.',
  warn: 'Klar med varningar – inget stoppar dokumentet, men se över punkterna med varning.',
  fail: 'Inte klar – åtgärda punkterna som inte är uppfyllda.',
  pending: 'Väntar på granskning – analytikerna har manuella punkter kvar att bedöma.',
}

function itemLines(item: CheckItemResult): string[] {
  const status = item.stale
    ? `${STATUS_TEXT.pending} (texten har ändrats efter signeringen)`
    : STATUS_TEXT[item.status]
  const kind = item.kind === 'manual' ? 'manuell' : 'automatisk'
  return [
    `- **${escapeMarkdown(item.id)} ${escapeMarkdown(item.title)}** – ${status} (${kind}).  `,
    `  ${escapeMarkdown(item.message)}`,
  ]
}

/**
 * The report as Markdown, to attach to an application or paste into minutes: a heading,
 * the overall verdict, counts, then one list per principle with each item's status and message.
 * Everything that came from users is escaped.
 *
 * @example
 * reportToMarkdown(runChecks(doc), 'Vägen in – förstudie') // '# Kontrollrapport: Vägen in – förstudie\n…'
 */
export function reportToMarkdown(report: CheckReport, title: string): string {
  const items = report.groups.flatMap((group) => group.items)
  const count = (status: CheckStatus) => items.filter((item) => item.status === status).length
  const lines = [
    `# Kontrollrapport: ${escapeMarkdown(title)}`,
    '',
    // The template's name, not the checklist's internal id (which equals the template id).
    `Checklista för ${escapeMarkdown(getTemplate(report.templateId).title)}, version ${escapeMarkdown(report.checklistVersion)}.`,
    '',
    `**Samlad bedömning:** ${VERDICT_TEXT[report.verdict]}`,
    '',
    `Uppfyllda: ${count('pass')}. Varningar: ${count('warn')}. Ej uppfyllda: ${count('fail')}. Väntar på bedömning: ${count('pending')}.`,
  ]
  for (const group of report.groups) {
    lines.push('', `## ${escapeMarkdown(group.title)}`, '')
    for (const item of group.items) lines.push(...itemLines(item))
  }
  return `${lines.join('\n')}\n`
}
