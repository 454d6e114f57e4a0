import { planToCsv, planToICalendar } from '@samskriv/plan'
import type { Activity, PlanMember } from '@samskriv/plan'
import { Root } from '@samskriv/schema'
import type * as Y from 'yjs'
import { downloadFileName } from '../../app/downloadFileName.ts'
import { t } from '../../app/i18n.ts'
import type { LinkableSection } from './activityLinks.ts'
import { resolveLinks } from './activityLinks.ts'
import { download } from './download.ts'
import { exportWords } from './exportWords.ts'

interface PlanExportProps {
  /** The document: its title names the files. */
  doc: Y.Doc
  activities: readonly Activity[]
  members: readonly PlanMember[]
  /** The document's sections, so the CSV names linked sections by their current titles. */
  sections: readonly LinkableSection[]
}

/**
 * Download buttons for the plan as CSV (Excel) and iCalendar. The CSV has semicolons between
 * fields, as Excel with Swedish settings reads a file opened by double-click (and `planToCsv`'s
 * byte order mark, so that it reads å, ä and ö as UTF-8).
 */
export function PlanExport({ doc, activities, members, sections }: PlanExportProps) {
  // Current names for member owners, and leavers marked, once the member list has loaded.
  const known = members.length > 0 ? members : undefined
  const linkLabel = (link: string) => resolveLinks([link], sections, t('planLinksRemoved'))[0]?.title ?? link
  // Named after the document (read at the click, as it may have been renamed), not "fardplan" for every template.
  const fileName = (extension: string) =>
    downloadFileName(doc.getMap<unknown>(Root.meta).get('title') as string | undefined, `${t('planFile')}.${extension}`)
  return (
    <div className="plan-export">
      <button type="button" className="button button--secondary"
        onClick={() => download(planToCsv(activities, { members: known, linkLabel, delimiter: ';', words: exportWords() }), fileName('csv'), 'text/csv;charset=utf-8')}>
        {t('planDownloadCsv')}
      </button>
      <button type="button" className="button button--secondary"
        onClick={() => download(planToICalendar(activities, { calendarName: t('planCalendarName'), members: known, linkLabel, words: exportWords() }), fileName('ics'), 'text/calendar;charset=utf-8')}>
        {t('planDownloadICalendar')}
      </button>
    </div>
  )
}
