import { describe, expect, it } from 'vitest'
import { blocksToMarkdown, runsToMarkdown } from './toMarkdown.ts'

describe('links in the Markdown export', () => {
  it('keeps an address from closing its link and carrying an image or a link of its own', () => {
    const markdown = runsToMarkdown([{ text: 'Läs mer', link: 'https://ok.example/)![](https://evil.example/pixel.png?leak=1' }])
    // One link, whose destination holds no parenthesis, space, angle bracket or backslash.
    expect(markdown).toMatch(/^\[Läs mer\]\([^()\s<>\\]+\)$/)
    expect(markdown).toContain('https://ok.example/%29')
  })

  it('writes the address a browser would follow: a backslash is a slash, control characters are encoded', () => {
    // A browser takes this to evil.example; so must the exported link (and its `\\` cannot escape the parenthesis).
    expect(runsToMarkdown([{ text: 'a', link: 'https://evil.example\\@good.example' }])).toBe('[a](https://evil.example/@good.example)')
    expect(runsToMarkdown([{ text: 'b', link: 'https://ok.example/\u0001x' }])).toBe('[b](https://ok.example/%01x)')
  })

  it('leaves an ordinary address as it is', () => {
    expect(runsToMarkdown([{ text: 'Samskriv', link: 'https://example.se/a?b=1#c' }])).toBe('[Samskriv](https://example.se/a?b=1#c)')
  })
})

describe('headings in the Markdown export', () => {
  it('keeps the editor’s levels 3 and 4 under the section title, and reads older 1 and 2 as 3 and 4', () => {
    const heading = (level: number, text: string) => ({ kind: 'heading' as const, level, runs: [{ text }], quote: 0 })
    const markdown = blocksToMarkdown([heading(3, 'Rubrik'), heading(4, 'Underrubrik'), heading(1, 'Äldre'), heading(2, 'Äldre under')])
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual(['### Rubrik', '#### Underrubrik', '### Äldre', '#### Äldre under'])
  })
})
