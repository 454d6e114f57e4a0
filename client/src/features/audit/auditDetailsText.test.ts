import { afterEach, describe, expect, it } from 'vitest'
import { setLang } from '../../app/i18n.ts'
import { auditActionLabel } from './auditActionLabel.ts'
import { auditDetailsText } from './auditDetailsText.ts'

const titles = new Map([
  ['s1', 'Nuläge'],
  ['s2', ''],
])

afterEach(() => setLang('sv'))

describe('auditDetailsText', () => {
  it('names a locked or unlocked section by its current title, with the reason', () => {
    expect(auditDetailsText('section.lock', { sectionId: 's1', reason: 'Granskas av styrgruppen' }, titles)).toBe(
      '”Nuläge”, skäl: Granskas av styrgruppen',
    )
    expect(auditDetailsText('section.lock', { sectionId: 's1', reason: '' }, titles)).toBe('”Nuläge”, inget skäl angivet')
    expect(auditDetailsText('section.unlock', { sectionId: 's1' }, titles)).toBe('”Nuläge”')
    expect(auditDetailsText('section.unlock', { sectionId: 's2' }, titles)).toBe('Ett avsnitt utan rubrik')
  })

  it('says plainly when the section has been removed since, and waits while titles are unknown', () => {
    expect(auditDetailsText('section.lock', { sectionId: 'gone', reason: '' }, titles)).toBe(
      'Ett borttaget avsnitt, inget skäl angivet',
    )
    expect(auditDetailsText('section.unlock', { sectionId: 'gone' }, titles)).toBe('Ett borttaget avsnitt')
    expect(auditDetailsText('section.lock', { sectionId: 's1', reason: 'x' }, null)).toBe('Skäl: x')
    expect(auditDetailsText('section.unlock', { sectionId: 's1' })).toBe('')
  })

  it('reads in Swedish by default', () => {
    expect(auditDetailsText('member.role', { userId: 'u1', from: 'editor', role: 'viewer' })).toBe('Från Skribent till Läsare')
    expect(auditDetailsText('member.role', { userName: 'Elsa', role: 'viewer' })).toBe('Elsa: till Läsare')
    expect(auditDetailsText('document.create', { title: 'Ansökan', template: 'esf-projektide' })).toBe(
      '”Ansökan”, mall: ESF+ projektidé',
    )
    expect(auditDetailsText('version.restore', { sectionIds: ['a', 'b'], restorePointId: 'v1' })).toBe(
      '2 avsnitt återställda; en återställningspunkt sparades först',
    )
    expect(auditDetailsText('member.invite', { email: 'a@example.se', role: 'analyst' })).toBe('a@example.se som Analytiker')
    expect(auditActionLabel('section.lock')).toBe('Låste ett avsnitt')
  })

  it('follows the English toggle', () => {
    setLang('en')
    expect(auditActionLabel('section.lock')).toBe('Locked a section')
    expect(auditActionLabel('member.join')).toBe('Joined through an invitation')
    expect(auditDetailsText('section.lock', { sectionId: 's1', reason: '' }, titles)).toBe('“Nuläge”, no reason given')
    expect(auditDetailsText('section.unlock', { sectionId: 'gone' }, titles)).toBe('A removed section')
    expect(auditDetailsText('member.role', { userName: 'Elsa', from: 'editor', role: 'viewer' })).toBe('Elsa: from Writer to Reader')
    expect(auditDetailsText('document.create', { title: 'Ansökan', template: 'horisontell-analys' })).toBe(
      '“Ansökan”, template: Horizontal principles analysis',
    )
    expect(auditDetailsText('member.join', { role: 'editor' })).toBe('As Writer')
    expect(auditDetailsText('version.restore', { sectionIds: ['a'] })).toBe('1 section restored')
  })

  it('shows an unknown action as it is, without prototype lookups', () => {
    expect(auditActionLabel('something.new')).toBe('something.new')
    expect(auditActionLabel('toString')).toBe('toString')
  })
})
