import { runChecks } from '@samskriv/checks'
import { readSections } from '@samskriv/schema'
import { Hono } from 'hono'

import type { AppEnv, Deps } from '../../deps.ts'
import { contentDisposition, parseInclude, readExportDocument, readExportPlan, safeFileName, toDocx, toMarkdown } from '../../export/index.ts'
import { requireDocumentMember } from '../../services/access.ts'
import { namesOf, readCheckDocument } from '../../services/readCheckDocument.ts'
import { ApiError } from '../ApiError.ts'
import { currentUser } from '../middleware/session.ts'

const FORMATS = {
  docx: { extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  md: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
} as const

/**
 * `GET /api/documents/:id/export?format=docx|md[&section=<id>][&include=plan,checks]`: any member
 * may export; `include` adds the färdplan table and/or appends the checks report. A document with
 * a plan section has its plan table under that section in every export of it (the section's text
 * alone is usually empty: the plan is kept in the plan panel); without one, an included plan is
 * appended at the end.
 */
export function exportRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  app.get('/:id/export', async (c) => {
    const { document } = await requireDocumentMember(deps.store, c.req.param('id'), currentUser(c).id)
    const formatName = c.req.query('format') ?? 'docx'
    if (!Object.hasOwn(FORMATS, formatName)) throw ApiError.badRequest('Okänt format: välj docx eller md.', 'unknown_format')
    const format = FORMATS[formatName as keyof typeof FORMATS]
    const sectionId = c.req.query('section') || undefined
    const include = parseInclude(c.req.query('include'))
    if ('unknown' in include) {
      throw ApiError.badRequest(`Okänt tillägg ”${include.unknown}”: välj plan, checks eller båda (include=plan,checks).`, 'unknown_include')
    }
    // Owner names in the plan are the members' current names; leavers are marked.
    const members = await deps.store.listMembers(document.workspaceId)

    const room = await deps.rooms.open(document.id)
    let exported
    try {
      // Only what is stored (Room.read): never a batch whose append is still under way.
      exported = await room.read((doc) => {
        const read = readExportDocument(doc, { title: document.title, template: document.template }, sectionId)
        // A färdplan's plan is its plan section's content: exported whenever that section is.
        const hasPlan = readSections(doc).some((section) => section.kind === 'plan' && (sectionId === undefined || section.id === sectionId))
        if (read && (hasPlan || include.extras.has('plan'))) read.plan = readExportPlan(doc, members)
        if (read && include.extras.has('checks')) read.checks = runChecks(readCheckDocument(doc, document.template, document.templateVersion, namesOf(members)))
        return read
      })
    } finally {
      deps.rooms.release(room)
    }
    if (!exported) throw ApiError.notFound('Avsnittet finns inte.')

    const extras = [include.extras.has('plan') && 'tidsplan', include.extras.has('checks') && 'kontrollrapport'].filter(Boolean).join(' och ')
    // Two downloads of one document must not share a name: the one with extras says so.
    const baseName = (sectionId ? `${document.title} - ${exported.sections[0]!.title}` : document.title) + (extras ? ` med ${extras}` : '')
    c.header('Content-Disposition', contentDisposition(safeFileName(baseName, format.extension)))
    c.header('Cache-Control', 'no-store')
    if (format.extension === 'md') return c.body(toMarkdown(exported), 200, { 'Content-Type': format.contentType })
    const buffer = await toDocx(exported)
    return c.body(new Uint8Array(buffer), 200, { 'Content-Type': format.contentType })
  })

  return app
}
