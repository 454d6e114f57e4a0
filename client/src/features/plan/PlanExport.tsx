import { planToCsv, planToICalendar } from '@samskriv/plan'
import type { Activity, PlanMember } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'
import type { LinkableSection } from './activityLinks.ts'
import { resolveLinks } from './activityLinks.ts'
import { download } from './download.ts'

interface PlanExportProps {
  activities: readonly Activity[]
  members: readonly PlanMember[]
  /** The document's sections, so the CSV names linked sections by their current titles. */
  sections: readonly LinkableSection[]
}

/** Download buttons for the plan as CSV (Excel) and iCalendar. */
export function PlanExport({ activities, members, sections }: PlanExportProps) {
  // Current names for member owners, and leavers marked, once the member list has loaded.
  const known = members.length > 0 ? members : undefined
  const linkLabel = (link: string) => resolveLinks([link], sections, t('planLinksRemoved'))[0]?.title ?? link
  return (
    <div className="plan-export">
      <button type="button" className="button button--secondary"
        onClick={() => download(planToCsv(activities, { members: known, linkLabel }), 'fardplan.csv', 'text/csv;charset=utf-8')}>
        {t('planDownloadCsv')}
      </button>
      <button type="button" className="button button--secondary"
        onClick={() => download(planToICalendar(activities, { calendarName: 'Färdplan', members: known, linkLabel }), 'fardplan.ics', 'text/calendar;charset=utf-8')}>
        {t('planDownloadICalendar')}
      </button>
    </div>
  )
}
