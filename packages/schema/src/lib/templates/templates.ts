import { esfProjektide } from './esfProjektide.ts'
import { fardplan } from './fardplan.ts'
import { horisontellAnalys } from './horisontellAnalys.ts'
import type { TemplateDefinition } from './TemplateDefinition.ts'
import type { TemplateId } from './templateIds.ts'
import { templateSchema } from './templateSchema.ts'

// Templates are shared by every document created from them; freezing stops one caller's
// mutation from leaking into documents created later in the same process.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function validated(id: TemplateId, template: TemplateDefinition): TemplateDefinition {
  const result = templateSchema.safeParse(template)
  if (!result.success) {
    throw new Error(`Mallen ${id} är ogiltig: ${result.error.message}`)
  }
  if (template.id !== id) throw new Error(`Mallen under ${id} har id ${template.id}`)
  return deepFreeze(template)
}

/** Every template, validated when this module loads so a broken definition fails fast. */
export const templates: Readonly<Record<TemplateId, TemplateDefinition>> = Object.freeze({
  fardplan: validated('fardplan', fardplan),
  'esf-projektide': validated('esf-projektide', esfProjektide),
  'horisontell-analys': validated('horisontell-analys', horisontellAnalys),
})
