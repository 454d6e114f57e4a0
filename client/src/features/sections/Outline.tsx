import type { MouseEvent } from 'react'
import type { SectionInfo } from '@samskriv/schema'
import { t } from '../../app/i18n.ts'
import { limitState } from './limitState.ts'
import './sections.css'
import { statusLabel } from './statusLabel.ts'

interface OutlineProps {
  sections: SectionInfo[]
  counts: ReadonlyMap<string, number>
  /** Owner names by user id. */
  ownerNames?: ReadonlyMap<string, string>
  /** Ids of locked sections. */
  locked?: ReadonlySet<string> | ReadonlyMap<string, unknown>
  /**
   * The page's panels after the sections (comments, checks): the id of each one's heading and the
   * link's text. Only panels the page shows; a keyboard user reaches them without tabbing through
   * every section.
   */
  panels?: ReadonlyArray<{ headingId: string; label: string }>
}

/** Moves focus to a panel's heading (focusable from script only), as following the link promises. */
function handlePanelLink(event: MouseEvent<HTMLAnchorElement>, headingId: string) {
  const heading = document.getElementById(headingId)
  if (!heading) return
  event.preventDefault()
  history.replaceState(history.state, '', `#${headingId}`)
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
  heading.scrollIntoView({ block: 'start' })
  heading.focus({ preventScroll: true })
}

export function Outline({ sections, counts, ownerNames, locked, panels = [] }: OutlineProps) {
  return (
    <nav className="outline" aria-labelledby="outline-title">
      <h2 id="outline-title" tabIndex={-1}>{t('outlineTitle')}</h2>
      {panels.length > 0 && (
        <ul className="outline__panels" aria-label={t('outlineToolsLabel')}>
          {panels.map((panel) => (
            <li key={panel.headingId}>
              <a href={`#${panel.headingId}`} onClick={(event) => handlePanelLink(event, panel.headingId)}>
                {panel.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      <ol>
        {sections.map((section) => {
          const count = counts.get(section.id) ?? 0
          const state = limitState(count, section.charLimit)
          const ownerName = section.owner ? (ownerNames?.get(section.owner) ?? t('unknownOwner')) : null
          return (
            <li key={section.id} className={`outline__item outline__item--${state}`} data-section-key={section.key}>
              <a href={`#section-${section.id}`}>{section.title}</a>
              {locked?.has(section.id) && (
                <span className="outline__lock" role="img" aria-label={t('locked')} title={t('locked')}>
                  🔒
                </span>
              )}
              <span className="outline__meta">
                <span className={`status status--${section.status}`} data-testid="outline-status">
                  {statusLabel(section.status)}
                </span>
                {ownerName && <span className="outline__owner">{t('ownerLabel', { name: ownerName })}</span>}
                {section.charLimit !== null && (
                  <span className="outline__fill" aria-label={t('fillLevelLabel', { count, limit: section.charLimit })}>
                    {t('fillLevel', { count, limit: section.charLimit })}
                  </span>
                )}
              </span>
              {state === 'over' && <span className="badge badge--over">{t('overLimitShort')}</span>}
              {state === 'near' && <span className="badge badge--near">{t('nearLimit')}</span>}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
