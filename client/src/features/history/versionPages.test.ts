import { describe, expect, it } from 'vitest'
import { appendPage } from './versionPages.ts'
import type { VersionSummary } from './versionsApi.ts'

const version = (id: string, createdAt: string): VersionSummary => ({ id, kind: 'periodic', name: null, createdBy: null, createdByName: null, createdAt })

describe('appendPage', () => {
  it('appends the older page after the versions shown, keeping their order', () => {
    const shown = [version('c', '2026-01-03T00:00:00.000Z'), version('b', '2026-01-02T00:00:00.000Z')]
    const result = appendPage(shown, { versions: [version('a', '2026-01-01T00:00:00.000Z')], nextBefore: null })
    expect(result.versions.map((v) => v.id)).toEqual(['c', 'b', 'a'])
    expect(result.added.map((v) => v.id)).toEqual(['a'])
  })

  it('leaves out versions already shown', () => {
    const shown = [version('c', '2026-01-03T00:00:00.000Z'), version('b', '2026-01-02T00:00:00.000Z')]
    const result = appendPage(shown, { versions: [version('b', '2026-01-02T00:00:00.000Z'), version('a', '2026-01-01T00:00:00.000Z')], nextBefore: 'x' })
    expect(result.versions.map((v) => v.id)).toEqual(['c', 'b', 'a'])
    expect(result.added.map((v) => v.id)).toEqual(['a'])
  })

  it('adds nothing from an empty page', () => {
    const shown = [version('a', '2026-01-01T00:00:00.000Z')]
    expect(appendPage(shown, { versions: [], nextBefore: null })).toEqual({ versions: shown, added: [] })
  })
})
