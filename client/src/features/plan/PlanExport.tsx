import { planToCsv, planToICalendar } from '@samskriv/plan'
import type { Activity } from '@samskriv/plan'
import { download } from './download.ts'

/** Download buttons for the plan as CSV (Excel) and iCalendar. */
export function PlanExport({ activities }: { activities: readonly Activity[] }) {
  return (
    <div className="plan-export">
      <button type="button" className="button button--secondary"
        onClick={() => download(planToCsv(activities), 'fardplan.csv', 'text/csv;charset=utf-8')}>
        Ladda ner CSV
      </button>
      <button type="button" className="button button--secondary"
        onClick={() => download(planToICalendar(activities, { calendarName: 'Färdplan' }), 'fardplan.ics', 'text/calendar;charset=utf-8')}>
        Ladda ner iCalendar
      </button>
    </div>
  )
}
