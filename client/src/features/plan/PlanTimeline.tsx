import { Fragment, useId } from 'react'
import type { CSSProperties } from 'react'
import { addMonths, isYearMonth, monthsBetween, timelineRows } from '@samskriv/plan'
import type { Activity, YearMonth } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'
import { currentMonth } from './currentMonth.ts'
import { monthLabel } from './monthLabel.ts'
import { statusLabel } from './statusLabel.ts'

const MAX_MONTHS = 120

function range(activities: readonly Activity[]): { from: YearMonth; to: YearMonth } | null {
  const starts = activities.map((a) => a.start).filter(isYearMonth).sort()
  const ends = activities.flatMap((a) => [a.end, a.recurrence?.until ?? a.end]).filter(isYearMonth).sort()
  const from = starts[0]
  const last = ends[ends.length - 1]
  if (!from || !last) return null
  const to = monthsBetween(from, last) < 0 ? from : last
  return { from, to: monthsBetween(from, to) >= MAX_MONTHS ? addMonths(from, MAX_MONTHS - 1) : to }
}

/** The months a bar covers, as read out: one month once ("oktober 2025"), or "oktober 2025–mars 2026". */
function barMonths(from: YearMonth, bar: { start: number; end: number }): string {
  const first = monthLabel(addMonths(from, bar.start))
  return bar.end === bar.start ? first : `${first}–${monthLabel(addMonths(from, bar.end))}`
}

/**
 * A month grid from the earliest start to the latest end, one line per activity, grouped by phase.
 * Each bar says its activity's status in words; the colour only repeats it.
 */
export function PlanTimeline({ activities }: { activities: readonly Activity[] }) {
  const titleId = useId()
  const span = range(activities)
  if (!span) return null
  const count = monthsBetween(span.from, span.to) + 1
  const months = Array.from({ length: count }, (_, index) => addMonths(span.from, index))
  const today = monthsBetween(span.from, currentMonth())
  const groups = timelineRows(activities, span)
  const lines = groups.flatMap((group) => [{ group, row: null }, ...group.rows.map((row) => ({ group, row }))])
  const grid = { '--plan-months': count } as CSSProperties
  return (
    <div className="plan-timeline">
      <h3 id={titleId}>{t('planTimelineTitle')}</h3>
      {/* Focusable, so a keyboard user can scroll a timeline wider than the page (WCAG 2.1.1). The
          one landmark named after the heading (two of one name confuse a landmark list). */}
      <div className="plan-timeline__scroll" role="region" aria-labelledby={titleId} tabIndex={0}>
        <div className="plan-timeline__grid" style={grid}>
          <div className="plan-timeline__corner" aria-hidden="true" />
          {months.map((month) => (
            <div key={month} className="plan-timeline__month" aria-hidden="true">{monthLabel(month)}</div>
          ))}
          {today >= 0 && today < count && (
            <div className="plan-timeline__today" style={{ gridColumn: today + 2, gridRow: `1 / ${lines.length + 2}` }}>
              <span className="visually-hidden">{t('planTimelineToday', { month: monthLabel(currentMonth()) })}</span>
            </div>
          )}
          {lines.map(({ group, row }, index) =>
            row === null ? (
              <div key={`phase-${group.phase}`} role="heading" aria-level={4} className="plan-timeline__phase" style={{ gridRow: index + 2 }}>
                {group.phase || t('planNoPhase')}
              </div>
            ) : (
              <Fragment key={`row-${row.activityId}`}>
                <div className="plan-timeline__title" aria-hidden="true" style={{ gridRow: index + 2 }}>
                  {row.title}
                </div>
                {row.bars.map((bar) => (
                  <div
                    key={`bar-${row.activityId}-${bar.start}`}
                    data-testid="timeline-bar"
                    className={`plan-timeline__bar plan-timeline__bar--${row.status}`}
                    style={{ gridRow: index + 2, gridColumn: `${bar.start + 2} / ${bar.end + 3}` }}
                  >
                    <span className="plan-timeline__bar-title">{row.title}</span>
                    <span className="visually-hidden">
                      , {barMonths(span.from, bar)}, {t('planTimelineStatus')}{' '}
                    </span>
                    {/* In words as well as in colour. */}
                    <span className="plan-timeline__bar-status">{statusLabel(row.status)}</span>
                  </div>
                ))}
              </Fragment>
            ),
          )}
        </div>
      </div>
    </div>
  )
}
