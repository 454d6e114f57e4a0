import { describe, expect, it } from 'vitest'
import { ClientAuthors } from './versionsAuthors.ts'

const asa = { userId: 'u1', name: 'Åsa' }
const bo = { userId: 'u2', name: 'Bo' }

describe('ClientAuthors', () => {
  it('credits a client id to its first user, and to nobody once another user wrote under it', () => {
    const authors = new ClientAuthors()
    authors.remember('d1', [1, 2], asa)
    authors.remember('d1', [2, 3], bo)
    expect(authors.authorOf('d1', 1)).toEqual(asa)
    expect(authors.authorOf('d1', 2)).toBeUndefined()
    expect(authors.authorOf('d1', 3)).toEqual(bo)
    // Contested for good: the first user writing again does not win it back.
    authors.remember('d1', [2], asa)
    expect(authors.authorOf('d1', 2)).toBeUndefined()
    expect(authors.authorOf('d2', 1)).toBeUndefined()
  })

  it('keeps memory bounded: the document written to longest ago and a document’s oldest clients go first', () => {
    const authors = new ClientAuthors({ maxDocuments: 2, maxClientsPerDocument: 2 })
    authors.remember('d1', [1], asa)
    authors.remember('d2', [1], asa)
    authors.remember('d1', [2], asa)
    authors.remember('d3', [1], bo)
    expect(authors.authorOf('d2', 1)).toBeUndefined()
    expect(authors.authorOf('d1', 1)).toEqual(asa)
    expect(authors.authorOf('d3', 1)).toEqual(bo)
    authors.remember('d1', [3], asa)
    expect([1, 2, 3].map((id) => authors.authorOf('d1', id)?.name)).toEqual([undefined, 'Åsa', 'Åsa'])
  })
})
