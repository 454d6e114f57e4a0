import { describe, expect, it } from 'vitest'
import { sectionHeadingLevel } from './sectionHeadingLevel.ts'

describe('sectionHeadingLevel', () => {
  it("nests a section's headings under its title: 3 and 4 as they are, older 1 and 2 as 3 and 4, nothing past 6", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(sectionHeadingLevel)).toEqual([3, 4, 3, 4, 5, 6, 6])
    expect(sectionHeadingLevel(undefined)).toBe(3)
    expect(sectionHeadingLevel('4')).toBe(4)
  })
})
