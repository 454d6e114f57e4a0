import { Hono } from 'hono'

import type { AppEnv, Deps } from '../../deps.ts'
import { contentDisposition, readExportDocument, safeFileName, toDocx, toMarkdown } from '../../export/index.ts'
import { requireDocumentMember } from '../../services/access.ts'
import { ApiError } from '../ApiError.ts'
import { currentUser } from '../middleware/session.ts'

const FORMATS = {
  docx: { extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  md: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
} as const

/** `GET /api/documents/:id/export?format=docx|md[&section=<id>]`: any member may export. */
export function exportRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  app.get('/:id/export', async (c) => {
    const { document } = await requireDocumentMember(deps.store, c.req.param('id'), currentUser(c).id)
    const formatName = c.req.query('format') ?? 'docx'
    if (!Object.hasOwn(FORMATS, formatName)) throw ApiError.badRequest('Okänt format: välj docx eller md.', 'unknown_format')
    const format = FORMATS[formatName as keyof typeof FORMATS]
    const sectionId = c.req.query('section') || undefined

    const room = await deps.rooms.open(document.id)
    let exported
    try {
      exported = readExportDocument(room.doc, { title: document.title, template: document.template }, sectionId)
    } finally {
      deps.rooms.release(room)
    }
    if (!exported) throw ApiError.notFound('Avsnittet finns inte.')

    const baseName = sectionId ? `${document.title} - ${exported.sections[0]!.title}` : document.title
    c.header('Content-Disposition', contentDisposition(safeFileName(baseName, format.extension)))
    c.header('Cache-Control', 'no-store')
    if (format.extension === 'md') return c.body(toMarkdown(exported), 200, { 'Content-Type': format.contentType })
    const buffer = await toDocx(exported)
    return c.body(new Uint8Array(buffer), 200, { 'Content-Type': format.contentType })
  })

  return app
}
