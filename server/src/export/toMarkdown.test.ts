import { describe, expect, it } from 'vitest'
import { runsToMarkdown } from './toMarkdown.ts'

describe('links in the Markdown export', () => {
  it('keeps an address from closing its link and carrying an image or a link of its own', () => {
    const markdown = runsToMarkdown([{ text: 'Läs mer', link: 'https://ok.example/)![](https://evil.example/pixel.png?leak=1' }])
    // One link, whose destination holds no parenthesis, space, angle bracket or backslash.
    expect(markdown).toMatch(/^\[Läs mer\]\([^()\s<>\\]+\)$/)
    expect(markdown).toContain('https://ok.example/%29')
  })

  it('keeps a backslash at the end of an address from escaping the closing parenthesis', () => {
    expect(runsToMarkdown([{ text: 'a', link: 'https://ok.example/\\' }])).toBe('[a](https://ok.example/%5C)')
  })

  it('leaves an ordinary address as it is', () => {
    expect(runsToMarkdown([{ text: 'Samskriv', link: 'https://example.se/a?b=1#c' }])).toBe('[Samskriv](https://example.se/a?b=1#c)')
  })
})
