import type { TemplateId } from '@samskriv/schema'

/** Swedish names of the templates, in the order the create form offers them. */
export const templateLabel: Record<TemplateId, string> = {
  fardplan: 'Färdplan',
  'esf-projektide': 'ESF+ projektidé',
  'horisontell-analys': 'Horisontell analys',
}
