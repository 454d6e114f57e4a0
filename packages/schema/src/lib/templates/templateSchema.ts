import { z } from 'zod'
import { TEMPLATE_IDS } from './templateIds.ts'
import { SECTION_KINDS } from './TemplateDefinition.ts'

const sectionSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'nyckeln ska vara en slug: a–z, 0–9 och bindestreck'),
  title: z.string().trim().min(1),
  guidance: z.string().trim().min(1),
  charLimit: z.number().int().positive().nullable(),
  required: z.boolean(),
  kind: z.enum(SECTION_KINDS).optional(),
  number: z.string().min(1).optional(),
  lang: z.literal('en').optional(),
  maxLix: z.number().positive().optional(),
  itemCharLimit: z.number().int().positive().optional(),
})

/**
 * Validates a template definition. Templates are hand-written data, so a typo (a duplicate
 * key, a zero limit) must stop the process at load rather than corrupt documents later.
 */
export const templateSchema = z
  .object({
    id: z.enum(TEMPLATE_IDS),
    version: z.number().int().positive(),
    title: z.string().trim().min(1),
    description: z.string().trim().min(1),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>()
    template.sections.forEach((section, index) => {
      if (seen.has(section.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', index, 'key'],
          message: `nyckeln "${section.key}" förekommer mer än en gång`,
        })
      }
      seen.add(section.key)
      if (section.itemCharLimit !== undefined && section.kind !== 'plan') {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', index, 'itemCharLimit'],
          message: 'itemCharLimit gäller bara avsnitt av typen plan',
        })
      }
    })
  })
