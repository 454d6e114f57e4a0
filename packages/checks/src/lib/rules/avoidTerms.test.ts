import { describe, expect, it } from 'vitest'
import { checkItem } from '../testing/checkItem.ts'

describe('avoid rule (D2)', () => {
  it('warns on outdated words in any form and suggests current ones', () => {
    const item = checkItem('D2', {
      malgrupp: 'Målgruppen är handikappade unga och funktionshindrade vuxna.',
      metod: 'Vi tar hänsyn till ras och religion.',
    })
    expect(item).toMatchObject({ status: 'warn', sectionId: 's-malgrupp' })
    expect(item.message).toContain('”handikappade” i ”Målgrupp”: skriv hellre funktionsnedsättning')
    expect(item.message).toContain('”funktionshindrade”')
    expect(item.message).toContain('”ras” i ”Metod”: skriv hellre etnisk tillhörighet')
  })

  it('does not flag rasism or words that only contain the letters', () => {
    const item = checkItem('D2', {
      problem: 'Rasism och diskriminering i arbetslivet. Vi rastar inte.',
    })
    expect(item.status).toBe('pass')
  })
})
