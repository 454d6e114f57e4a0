import { t, type MessageKey } from '../../app/i18n.ts'
import type { VersionKind, VersionSummary } from './versionsApi.ts'

const KIND_KEYS: Record<VersionKind, MessageKey> = {
  named: 'historyKindNamed',
  lock: 'historyKindLock',
  review: 'historyKindReview',
  periodic: 'historyKindPeriodic',
  'restore-point': 'historyKindRestorePoint',
}

export function kindLabel(kind: VersionKind): string {
  return t(KIND_KEYS[kind] ?? 'historyKindPeriodic')
}

export function versionTime(version: { createdAt: string }): string {
  return new Date(version.createdAt).toLocaleString('sv-SE', { dateStyle: 'medium', timeStyle: 'short' })
}

/** What a version is called in lists and headings: its name, or its kind (and section) and time. */
export function versionLabel(version: VersionSummary): string {
  if (version.kind === 'named' && version.name) return version.name
  const kind = kindLabel(version.kind)
  return version.name ? `${kind}: ${version.name}` : kind
}
