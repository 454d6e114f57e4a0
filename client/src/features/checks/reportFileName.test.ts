import { afterEach, describe, expect, it } from 'vitest'
import { setLang } from '../../app/i18n.ts'
import { reportFileName } from './reportFileName.ts'

afterEach(() => setLang('sv'))

describe('reportFileName', () => {
  it('names the report after the document', () => {
    expect(reportFileName('Vägen in – förstudie')).toBe('Vägen in – förstudie – kontrollrapport.md')
  })

  it('keeps only characters a file system accepts, and no path or hidden file', () => {
    expect(reportFileName('../Plan: 2027/28 "A" <b>|c?*\n')).toBe('Plan 2027 28 A b c – kontrollrapport.md')
    expect(reportFileName('.env')).toBe('env – kontrollrapport.md')
  })

  it('cuts a long title and falls back to the report alone', () => {
    expect(reportFileName('å'.repeat(300))).toBe(`${'å'.repeat(100)} – kontrollrapport.md`)
    expect(reportFileName('  /// ')).toBe('kontrollrapport.md')
    expect(reportFileName(undefined)).toBe('kontrollrapport.md')
  })

  it('follows the language', () => {
    setLang('en')
    expect(reportFileName('Roadmap')).toBe('Roadmap – checks report.md')
  })
})
