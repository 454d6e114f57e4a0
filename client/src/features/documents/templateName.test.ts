import { afterEach, describe, expect, it } from 'vitest'
import { TEMPLATE_IDS } from '@samskriv/schema'
import { setLang } from '../../app/i18n.ts'
import { templateName } from './templateName.ts'

afterEach(() => setLang('sv'))

describe('templateName', () => {
  it('names each template in the UI language', () => {
    expect(TEMPLATE_IDS.map(templateName)).toEqual(['Färdplan', 'ESF+ projektidé', 'Horisontell analys'])
    setLang('en')
    expect(TEMPLATE_IDS.map(templateName)).toEqual(['Roadmap', 'ESF+ project idea', 'Horizontal principles analysis'])
  })
})
