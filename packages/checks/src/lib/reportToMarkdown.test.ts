import { describe, expect, it } from 'vitest'
import type { CheckReport } from './CheckReport.ts'
import { reportToMarkdown } from './reportToMarkdown.ts'
import { runChecks } from './runChecks.ts'
import { buildDocument } from './testing/buildDocument.ts'
import { esfWith } from './testing/checkItem.ts'

describe('reportToMarkdown', () => {
  it('has Swedish headings, the verdict and a status per item', () => {
    const report = runChecks(
      buildDocument(
        'esf-projektide',
        esfWith({ deltagare: { fields: { women: 1, men: 1, total: 3 } } }),
      ),
    )
    const markdown = reportToMarkdown(report, 'Nya vägar')
    expect(markdown.startsWith('# Kontrollrapport: Nya vägar\n')).toBe(true)
    expect(markdown).toContain('Checklista för ESF+ projektidé, version 2026-1.')
    expect(markdown).not.toContain('esf-projektide')
    expect(markdown).toContain('**Samlad bedömning:** Inte klar')
    for (const heading of [
      '## Allmänt och fullständighet',
      '## Jämställdhet',
      '## Tillgänglighet',
      '## Icke-diskriminering',
    ]) {
      expect(markdown).toContain(`\n${heading}\n`)
    }
    expect(markdown).toContain(
      '- **J4 Deltagare anges per kön och summan stämmer** – Ej uppfylld (automatisk).',
    )
    expect(markdown).toContain(
      '- **J7 Analysen förklarar varför mönstren finns** – Väntar på bedömning (manuell).',
    )
    const itemCount = report.groups.reduce((sum, group) => sum + group.items.length, 0)
    expect(markdown.match(/^- \*\*/gm)).toHaveLength(itemCount)
  })

  it('escapes user text and marks stale sign-offs', () => {
    const report: CheckReport = {
      checklistId: 'fardplan',
      checklistVersion: '2026-1',
      templateId: 'fardplan',
      verdict: 'pending',
      groups: [
        {
          principle: 'jamstalldhet',
          title: 'Jämställdhet',
          items: [
            {
              id: 'J7',
              title: 'Analys',
              kind: 'manual',
              status: 'pending',
              stale: true,
              message: 'Se *rad 2* [länk](x)\nny rad',
            },
          ],
        },
      ],
    }
    const markdown = reportToMarkdown(report, '# Plan_2026')
    expect(markdown).toContain('# Kontrollrapport: \\# Plan\\_2026')
    expect(markdown).toContain('Väntar på bedömning (texten har ändrats efter signeringen)')
    expect(markdown).toContain('  Se \\*rad 2\\* \\[länk\\](x) ny rad')
  })
})
