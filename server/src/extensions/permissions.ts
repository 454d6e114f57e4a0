import { UpdateRejectedError, type Room, type RoomExtension } from '@samskriv/collab'
import { CloseCodes } from '@samskriv/protocol'
import { isRole, readSections, Root } from '@samskriv/schema'
import { checkUpdate } from '@samskriv/update-guard'
import { commentAuthorshipRefusal } from './commentAuthorship.ts'
import { CommentsMirror } from './commentsMirror.ts'
import { documentAfter } from './documentAfter.ts'
import { sectionsRefusal } from './sectionsRefusal.ts'
import { schemaRefusal } from './schemaRefusal.ts'
import { signOffRefusal } from './signOffAuthorship.ts'

/**
 * Every client update passes the guard before it is applied: the roots it touches must all be
 * writable for the connection's role, section locks included. A refused update is rejected whole.
 */
export function permissions(): RoomExtension {
  // Per room, a copy of its comments that comment updates are tried on (see CommentsMirror).
  const mirrors = new Map<Room, CommentsMirror>()
  const dropMirror = ({ room }: { room: Room }) => {
    mirrors.get(room)?.destroy()
    mirrors.delete(room)
  }
  return {
    beforeApplyUpdate({ room, connection, update }) {
      const role = connection.context.role
      if (!isRole(role)) throw new UpdateRejectedError(CloseCodes.forbidden, 'unknown role')
      const locks = room.doc.getMap(Root.locks)
      const isLocked = (sectionId: string) => locks.has(sectionId)
      // Read only for updates that touch the plan, and then once.
      let planLocked: boolean | undefined
      const isPlanLocked = () => (planLocked ??= readSections(room.doc).some((section) => section.kind === 'plan' && isLocked(section.id)))
      const result = checkUpdate(room.doc, update, role, { isLocked, isPlanLocked })
      if (result.ok) {
        const outsideSchema = schemaRefusal(room.doc, update)
        if (outsideSchema) throw new UpdateRejectedError(CloseCodes.forbidden, outsideSchema)
        const touches = (...roots: string[]) => result.targets.some((target) => roots.includes(target.root))
        if (touches(Root.sections, Root.outline, Root.checks)) {
          // One copy of the document with the update applied, compared with the document itself.
          const after = documentAfter(room.doc, update)
          if (!after) throw new UpdateRejectedError(CloseCodes.malformed, 'Ändringen kunde inte läsas.')
          try {
            const refusal =
              (touches(Root.sections, Root.outline) ? sectionsRefusal(room.doc, after, role, isLocked) : null) ??
              (touches(Root.checks) ? signOffRefusal(room.doc, after, { userId: connection.context.userId, role }) : null)
            if (refusal) throw new UpdateRejectedError(CloseCodes.forbidden, refusal)
          } finally {
            after.destroy()
          }
        }
        if (touches(Root.comments)) {
          const { userId, name } = connection.context
          let mirror = mirrors.get(room)
          if (!mirror) mirrors.set(room, (mirror = new CommentsMirror(room.doc)))
          const refusal = commentAuthorshipRefusal(mirror, update, { userId, name, role }, connection)
          if (refusal) throw new UpdateRejectedError(CloseCodes.forbidden, refusal)
        }
        return
      }
      const event =
        result.code === 'forbidden'
          ? CloseCodes.forbidden
          : result.code === 'missing-dependency'
            ? CloseCodes.missingDependency
            : CloseCodes.malformed
      throw new UpdateRejectedError(event, result.message)
    },
    // The mirror follows the room's Y.Doc: it goes with it and is built again from the next one.
    onHibernate: dropMirror,
    onUnload: dropMirror,
  }
}
