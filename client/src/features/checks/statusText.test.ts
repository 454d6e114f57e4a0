import { afterEach, describe, expect, it } from 'vitest'
import { setLang } from '../../app/i18n.ts'
import { SIGN_OFF_CHOICES, statusText, verdictText } from './statusText.ts'

afterEach(() => setLang('sv'))

describe('check statuses in words', () => {
  it('are Swedish by default', () => {
    expect(verdictText('pending')).toBe('Väntar på analytiker')
    expect(SIGN_OFF_CHOICES.map(statusText)).toEqual(['Godkänd', 'Varning', 'Underkänd'])
  })

  it('follow the English toggle', () => {
    setLang('en')
    expect(verdictText('fail')).toBe('Failed')
    expect(verdictText('pending')).toBe('Waiting for an analyst')
    expect(statusText('pending')).toBe('Waiting for assessment')
    expect(SIGN_OFF_CHOICES.map(statusText)).toEqual(['Passed', 'Warning', 'Failed'])
  })
})
