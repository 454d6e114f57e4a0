import type { TemplateId } from '@samskriv/schema'
import { t, type MessageKey } from '../../app/i18n.ts'

const TEMPLATE_KEYS: Record<TemplateId, MessageKey> = {
  fardplan: 'templateFardplan',
  'esf-projektide': 'templateEsfProjektide',
  'horisontell-analys': 'templateHorisontellAnalys',
}

/** A template's name in the UI's language (a document's own title and sections stay as written). */
export function templateName(template: TemplateId): string {
  return t(TEMPLATE_KEYS[template])
}
