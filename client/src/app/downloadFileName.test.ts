import { describe, expect, it } from 'vitest'
import { downloadFileName } from './downloadFileName.ts'

describe('downloadFileName', () => {
  it('names the file after the document', () => {
    expect(downloadFileName('Vägen in – förstudie', 'kontrollrapport.md')).toBe('Vägen in – förstudie – kontrollrapport.md')
    expect(downloadFileName('Ansökan', 'tidsplan.csv')).toBe('Ansökan – tidsplan.csv')
  })

  it('keeps only characters a file system accepts, and no path or hidden file', () => {
    expect(downloadFileName('../Plan: 2027/28 "A" <b>|c?*\n', 'kontrollrapport.md')).toBe('Plan 2027 28 A b c – kontrollrapport.md')
    expect(downloadFileName('.env', 'kontrollrapport.md')).toBe('env – kontrollrapport.md')
  })

  it('cuts a long title and falls back to the file’s own name', () => {
    expect(downloadFileName('å'.repeat(300), 'kontrollrapport.md')).toBe(`${'å'.repeat(100)} – kontrollrapport.md`)
    expect(downloadFileName('  /// ', 'kontrollrapport.md')).toBe('kontrollrapport.md')
    expect(downloadFileName(undefined, 'tidsplan.ics')).toBe('tidsplan.ics')
  })
})
