import { planToCsv, planToICalendar } from '@samskriv/plan'
import type { Activity, PlanMember } from '@samskriv/plan'
import { download } from './download.ts'

/** Download buttons for the plan as CSV (Excel) and iCalendar. */
export function PlanExport({ activities, members }: { activities: readonly Activity[]; members: readonly PlanMember[] }) {
  // Current names for member owners, and leavers marked, once the member list has loaded.
  const known = members.length > 0 ? members : undefined
  return (
    <div className="plan-export">
      <button type="button" className="button button--secondary"
        onClick={() => download(planToCsv(activities, { members: known }), 'fardplan.csv', 'text/csv;charset=utf-8')}>
        Ladda ner CSV
      </button>
      <button type="button" className="button button--secondary"
        onClick={() => download(planToICalendar(activities, { calendarName: 'Färdplan', members: known }), 'fardplan.ics', 'text/calendar;charset=utf-8')}>
        Ladda ner iCalendar
      </button>
    </div>
  )
}
