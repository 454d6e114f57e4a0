import { afterEach, describe, expect, it } from 'vitest'
import { setLang } from '../app/i18n.ts'
import { ApiError, errorMessage } from './client.ts'

describe('errorMessage', () => {
  afterEach(() => setLang('sv'))

  it("shows the server's Swedish message in Swedish", () => {
    expect(errorMessage(new ApiError(401, 'invalid_credentials', 'Fel e-postadress eller lösenord.'))).toBe('Fel e-postadress eller lösenord.')
  })

  it('speaks English for the refusals a user meets, and passes on a message it has no words for', () => {
    setLang('en')
    expect(errorMessage(new ApiError(401, 'invalid_credentials', 'Fel e-postadress eller lösenord.'))).toBe('Wrong e-mail address or password.')
    expect(errorMessage(new ApiError(410, 'invitation_used', 'Inbjudan har redan använts.'))).toBe('The invitation has already been used.')
    expect(errorMessage(new ApiError(0, 'network', 'Kunde inte nå servern.'))).toBe('Could not reach the server. Check the connection.')
    expect(errorMessage(new ApiError(400, 'validation', 'Titeln är för lång.'))).toBe('Titeln är för lång.')
    expect(errorMessage(new TypeError('x'))).toBe('Something went wrong. Try again.')
  })
})
