import { describe, expect, it } from 'vitest'
import { documentBody, registerBody, workspaceBody } from './api.ts'
import { displayText } from './displayText.ts'

const name = displayText(100)

function refusal(text: unknown, schema = name): string | undefined {
  const parsed = schema.safeParse(text)
  return parsed.success ? undefined : parsed.error.issues[0]!.message
}

const INVISIBLE = 'Namnet innehåller osynliga tecken eller styrtecken.'

describe('displayText', () => {
  it('accepts ordinary Swedish names and titles as they are', () => {
    for (const text of [
      'Åsa Öberg-Ängström',
      'Samordningsförbundet Östra Södermanland',
      "O'Brien & Söner AB",
      'Ansökan 2025',
      'Team 🎉',
      'Familj 👩‍👩‍👧',
    ]) {
      expect(name.parse(text)).toBe(text)
    }
  })

  it('accepts the zero-width non-joiner inside Persian words and the flags of Scotland and England, and nowhere else', () => {
    for (const text of ['برنامه\u200cریزی', 'Skottland 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}']) {
      expect(name.parse(text)).toBe(text)
    }
    expect(refusal('Anna\u200cBerg')).toBe(INVISIBLE)
    expect(refusal('\u200cبرنامه')).toBe(INVISIBLE)
    expect(refusal('Anna\u{E0041}Berg')).toBe(INVISIBLE)
    // Tags after a black flag that spell no flag hide text.
    expect(refusal('Flagga 🏴\u{E0061}\u{E0062}\u{E007F}')).toBe(INVISIBLE)
  })

  it('refuses variation selectors, separators and other default-ignorables that draw nothing, but keeps emoji whole', () => {
    for (const text of ['Siv\ufe0f', 'Siv\ufe00\ufe01', 'Siv\u{E0100}', 'Siv\u180b', 'Siv\u{16FE4}', 'Siv\u2065', 'Siv\u2028Berg', 'Siv\u2029Berg', 'Siv \u0301']) {
      expect(refusal(text), JSON.stringify(text)).toBe(INVISIBLE)
    }
    for (const text of ['Team ❤️', 'Nummer 1️⃣', 'Café', 'Siv Öberg']) expect(name.parse(text)).toBe(text)
  })

  it('stores NFC, trimmed, with every kind of space made one ordinary space', () => {
    expect(name.parse('A\u030angström')).toBe('Ångström')
    expect(name.parse('  Anna Berg \u00a0')).toBe('Anna Berg')
    expect(name.parse('Anna\u00a0Berg')).toBe('Anna Berg')
    expect(name.parse('Anna \u3000 Berg')).toBe('Anna Berg')
  })

  it('refuses zero-width characters, so a name cannot look like another', () => {
    for (const text of ['\u200b', 'Anna Berg\u200b', 'Anna\u2060Berg', 'Anna\ufeffBerg', 'Anna\u00adBerg', '\u3164', 'Anna\u034fBerg']) {
      expect(refusal(text), JSON.stringify(text)).toBe(INVISIBLE)
    }
  })

  it('refuses bidi controls, which reverse how a name reads', () => {
    for (const control of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ]) {
      expect(refusal(`Anna${control}Berg`), `U+${control.codePointAt(0)!.toString(16)}`).toBe(
        INVISIBLE,
      )
    }
  })

  it('refuses C0 and C1 control characters', () => {
    for (const text of ['\u0000\u202e\u200b', 'Anna\u0000', 'Anna\nBerg', 'Anna\tBerg', 'Anna\u007fBerg', 'Anna\u0085Berg', 'Anna\u009bBerg']) {
      expect(refusal(text), JSON.stringify(text)).toBe(INVISIBLE)
    }
  })

  it('refuses a lone surrogate (not well-formed UTF-16), but not a pair', () => {
    expect(refusal('\ud800')).toBe('Namnet innehåller ogiltiga tecken.')
    expect(refusal('Anna\udc00')).toBe('Namnet innehåller ogiltiga tecken.')
    expect(refusal('\udc00\ud800')).toBe('Namnet innehåller ogiltiga tecken.')
    expect(refusal('Anna \ud83c\udf89')).toBeUndefined()
  })

  it('needs a letter or digit', () => {
    expect(refusal('---')).toBe('Namnet måste innehålla minst en bokstav eller siffra.')
    expect(refusal('🎉')).toBe('Namnet måste innehålla minst en bokstav eller siffra.')
    expect(refusal('7')).toBeUndefined()
  })

  it('keeps the length limits and the empty-field message', () => {
    expect(name.safeParse('   ').error?.issues[0]?.code).toBe('too_small')
    expect(name.safeParse('x'.repeat(100)).success).toBe(true)
    expect(name.safeParse('x'.repeat(101)).success).toBe(false)
  })

  it('is what the API takes for user names, workspace names and document titles', () => {
    expect(
      refusal(
        { email: 'a@b.se', name: 'Anna Berg\u200b', password: 'lösenord123' },
        registerBody as never,
      ),
    ).toBe(INVISIBLE)
    expect(refusal({ name: '\u200b' }, workspaceBody as never)).toBe(INVISIBLE)
    expect(refusal({ template: 'fardplan', title: '\ud800' }, documentBody as never)).toBe(
      'Titeln innehåller ogiltiga tecken.',
    )
    expect(documentBody.parse({ template: 'fardplan', title: 'A\u030angström' }).title).toBe(
      'Ångström',
    )
  })
})
