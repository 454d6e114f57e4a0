/**
 * Thrown by `upsertMember` and `removeMember` when the change would leave a workspace without a
 * coordinator: the stores check it inside the change's transaction, so two coordinators demoting
 * each other at the same moment cannot both succeed.
 */
export class LastCoordinatorError extends Error {
  constructor(readonly workspaceId: string) {
    super(`workspace ${workspaceId} would have no coordinator`)
    this.name = 'LastCoordinatorError'
  }
}
