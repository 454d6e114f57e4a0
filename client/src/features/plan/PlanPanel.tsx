import type * as Y from 'yjs'
import { projectPeriodSource, validatePlan } from '@samskriv/plan'
import type { PlanMember } from '@samskriv/plan'
import type { Role } from '@samskriv/schema'
import { t } from '../../app/i18n.ts'
import { useLockedSections } from '../sections/useLockedSections.ts'
import { useSections } from '../sections/useSections.ts'
import { AddActivityForm } from './AddActivityForm.tsx'
import { PlanExport } from './PlanExport.tsx'
import { PlanImport } from './PlanImport.tsx'
import { PlanIssues } from './PlanIssues.tsx'
import { PlanRemovalNotice } from './PlanRemovalNotice.tsx'
import { PlanTable } from './PlanTable.tsx'
import { PlanTimeline } from './PlanTimeline.tsx'
import { ProjectPeriodEditor } from './ProjectPeriodEditor.tsx'
import { usePlan } from './usePlan.ts'
import { usePlanRemovals } from './usePlanRemovals.ts'
import { useProjectPeriod } from './useProjectPeriod.ts'
import './plan.css'

interface PlanPanelProps {
  doc: Y.Doc
  role: Role | undefined
  /** The workspace's members, for the owner select; empty while loading. */
  members: readonly PlanMember[]
  /** The title of the section the plan belongs to (the panel follows its text). */
  sectionTitle?: string
}

/** The färdplan's live time and activity plan; coordinators and editors edit, others read. */
export function PlanPanel({ doc, role, members, sectionTitle }: PlanPanelProps) {
  const activities = usePlan(doc)
  const removals = usePlanRemovals(doc)
  const restored = removals.notice?.kind === 'restored' ? removals.notice.activity : null
  const sections = useSections(doc)
  const locked = useLockedSections(doc)
  const source = projectPeriodSource(sections)
  const period = useProjectPeriod(doc, source)
  // The plan is its section's content and shares that section's lock, as the period does (the
  // server refuses an editor's write to either).
  const planLocked = sections.some((section) => section.kind === 'plan' && locked.has(section.id))
  const editable = role === 'coordinator' || (role === 'editor' && !planLocked)
  const periodEditable = editable && source !== null && (role === 'coordinator' || !locked.has(source.sectionId))
  const periodSection = sections.find((section) => section.id === source?.sectionId)
  const issues = validatePlan(activities, {
    projectStart: period.start ?? undefined,
    projectEnd: period.end ?? undefined,
    // Until the members are loaded every member owner would look like a leaver: skip that check.
    memberIds: members.length > 0 ? members.map((member) => member.userId) : undefined,
  })
  return (
    <section className="section plan-panel" aria-labelledby="plan-panel-title">
      <h2 id="plan-panel-title">{panelTitle(sectionTitle)}</h2>
      {/* A lock is the reason whoever may not edit now reads, an editor whose change it refused too. */}
      {!editable && <p className="muted">{planLocked ? t('planLocked') : t('planReadOnly')}</p>}
      {source && (
        <ProjectPeriodEditor doc={doc} source={source} period={period} editable={periodEditable}
          sectionTitle={periodSection && periodSection.kind !== 'plan' ? periodSection.title : undefined} />
      )}
      <PlanIssues issues={issues} />
      <PlanTable doc={doc} activities={activities} editable={editable} members={members} issues={issues} sections={sections}
        onRemove={removals.remove} focusRequest={restored} />
      {/* Undo writes too: not offered once the role has lost its right to edit. */}
      {editable && <PlanRemovalNotice notice={removals.notice} onUndo={removals.undo} />}
      {editable && <AddActivityForm doc={doc} members={members} period={period} activities={activities} />}
      {editable && <PlanImport doc={doc} projectStart={period.start} />}
      <PlanTimeline activities={activities} />
      <PlanExport doc={doc} activities={activities} members={members} sections={sections} />
    </section>
  )
}

/**
 * The panel's heading, which names its landmark: "Tids- och aktivitetsplan", unless the plan's own
 * section is called that (as in the ESF+ template), where two landmarks of one name would confuse
 * a screen reader's list of them.
 */
function panelTitle(sectionTitle: string | undefined): string {
  const title = t('planTitle')
  const same = sectionTitle?.trim().toLocaleLowerCase('sv') === title.toLocaleLowerCase('sv')
  return same ? t('planTitleOfSection', { title: sectionTitle!.trim() }) : title
}
