import { describe, expect, it } from 'vitest'
import { linkHref } from './linkHref.ts'

describe('linkHref', () => {
  it('keeps http(s) and mailto addresses', () => {
    expect(linkHref(' https://example.se/a?b=1 ')).toBe('https://example.se/a?b=1')
    expect(linkHref('HTTP://example.se')).toBe('HTTP://example.se')
    expect(linkHref('mailto:namn@example.se')).toBe('mailto:namn@example.se')
  })

  it('completes a bare host name or e-mail address', () => {
    expect(linkHref('www.samskriv.se/hjalp')).toBe('https://www.samskriv.se/hjalp')
    expect(linkHref('namn@example.se')).toBe('mailto:namn@example.se')
  })

  it('refuses other schemes and what is no address', () => {
    for (const typed of [
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'tel:+46701234567',
      'ftp://example.se',
      '',
      'hej då',
      'https://',
      'sida',
    ]) {
      expect(linkHref(typed)).toBeNull()
    }
  })
})
