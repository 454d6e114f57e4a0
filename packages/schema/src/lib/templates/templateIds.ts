/** The three document templates Samskriv ships (DOMAIN.md, "The three document templates"). */
export const TEMPLATE_IDS = ['fardplan', 'esf-projektide', 'horisontell-analys'] as const

export type TemplateId = (typeof TEMPLATE_IDS)[number]

/**
 * Narrows an untrusted string (API body, Y.Doc meta) to a template id.
 *
 * @example
 * isTemplateId('fardplan') // true
 * isTemplateId('okänd') // false
 */
export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}
