// Model
export type {
  Activity,
  ActivityInput,
  ActivityOwner,
  ActivityPatch,
  ActivityStatus,
  DraftActivity,
  Recurrence,
} from './lib/Activity.ts'
export { ACTIVITY_STATUSES } from './lib/ACTIVITY_STATUSES.ts'
export { TITLE_MAX_LENGTH } from './lib/TITLE_MAX_LENGTH.ts'
export { ACTIVITY_STATUS_LABELS } from './lib/ACTIVITY_STATUS_LABELS.ts'
export { parseActivityStatus } from './lib/parseActivityStatus.ts'
export { normalizeActivity } from './lib/normalizeActivity.ts'

// Months
export type { YearMonth } from './lib/YearMonth.ts'
export { parseYearMonth } from './lib/parseYearMonth.ts'
export { isYearMonth } from './lib/isYearMonth.ts'
export { toYearMonth } from './lib/toYearMonth.ts'
export { monthIndex } from './lib/monthIndex.ts'
export { yearMonthFromIndex } from './lib/yearMonthFromIndex.ts'
export { addMonths } from './lib/addMonths.ts'
export { compareYearMonth } from './lib/compareYearMonth.ts'
export { monthsBetween } from './lib/monthsBetween.ts'
export { SWEDISH_MONTH_NAMES } from './lib/SWEDISH_MONTH_NAMES.ts'
export { parseSwedishMonth } from './lib/parseSwedishMonth.ts'
export { formatYearMonth } from './lib/formatYearMonth.ts'

// The `plan` root of a Y.Doc
export { readPlan } from './lib/readPlan.ts'
export { readCheckedFields } from './lib/readCheckedFields.ts'
export { addActivity } from './lib/addActivity.ts'
export { addActivities } from './lib/addActivities.ts'
export type { AddActivityOptions } from './lib/addActivities.ts'
export { updateActivity } from './lib/updateActivity.ts'
export { activityMapOf, editActivity } from './lib/editActivity.ts'
export { removeActivity } from './lib/removeActivity.ts'
export { moveActivity } from './lib/moveActivity.ts'

// Logic
export { expandRecurrence } from './lib/expandRecurrence.ts'
export type { MonthRange, Occurrence } from './lib/expandRecurrence.ts'
export { validatePlan } from './lib/validatePlan.ts'
export type { ValidatePlanOptions } from './lib/validatePlan.ts'
export type { PlanIssue, PlanIssueCode, PlanIssueParams } from './lib/PlanIssue.ts'
export { timelineRows } from './lib/timelineRows.ts'
export type { TimelineBar, TimelineGroup, TimelineRow } from './lib/timelineRows.ts'

// Import and export
export { parsePlanText } from './lib/parsePlanText.ts'
export type { ParsePlanTextOptions, ParsePlanTextResult } from './lib/parsePlanText.ts'
export type { PlanTextMessage } from './lib/PlanTextMessage.ts'
export { planToCsv, PLAN_CSV_HEADERS } from './lib/planToCsv.ts'
export { SWEDISH_PLAN_WORDS } from './lib/PlanWords.ts'
export type { PlanWords } from './lib/PlanWords.ts'
export type { PlanToCsvOptions } from './lib/planToCsv.ts'
export { parseCsv } from './lib/parseCsv.ts'
export type { ParseCsvOptions } from './lib/parseCsv.ts'
export { planToICalendar } from './lib/planToICalendar.ts'
export type { PlanToICalendarOptions } from './lib/planToICalendar.ts'
export { ownerName } from './lib/ownerName.ts'
export type { PlanMember } from './lib/ownerName.ts'
export { normalizeOwner } from './lib/normalizeOwner.ts'
export { planTable, PLAN_TABLE_EMPTY, PLAN_TABLE_TITLE } from './lib/planTable.ts'
export type { PlanTable, PlanTableOptions, PlanTableSection } from './lib/planTable.ts'

// The project period (kept in the `fields` root, where the checks engine reads it too)
export type { ProjectPeriod, ProjectPeriodSource } from './lib/ProjectPeriod.ts'
export { projectPeriodSource } from './lib/projectPeriodSource.ts'
export type { PeriodSection } from './lib/projectPeriodSource.ts'
export { readProjectPeriod } from './lib/readProjectPeriod.ts'
export { setProjectPeriod } from './lib/setProjectPeriod.ts'
