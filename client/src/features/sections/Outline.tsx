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
}

export function Outline({ sections, counts, ownerNames, locked }: OutlineProps) {
  return (
    <nav className="outline" aria-labelledby="outline-title">
      <h2 id="outline-title" tabIndex={-1}>{t('outlineTitle')}</h2>
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
