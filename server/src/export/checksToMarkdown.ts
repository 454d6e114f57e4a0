import { reportToMarkdown, type CheckReport } from '@samskriv/checks'

/**
 * The checks report as the engine writes it, one heading level down so it sits under the
 * document's title as a section. Every `#` that starts a line in it is a heading: user text
 * in the report is escaped.
 */
export function checksToMarkdown(report: CheckReport, title: string): string {
  return reportToMarkdown(report, title)
    .trimEnd()
    .split('\n')
    .map((line) => (line.startsWith('#') ? `#${line}` : line))
    .join('\n')
}
