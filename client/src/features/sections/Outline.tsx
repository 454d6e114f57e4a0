import type { SectionInfo } from '@samskriv/schema'
import { t } from '../../app/i18n.ts'
import { limitState } from './limitState.ts'

interface OutlineProps {
  sections: SectionInfo[]
  counts: ReadonlyMap<string, number>
}

export function Outline({ sections, counts }: OutlineProps) {
  return (
    <nav className="outline" aria-labelledby="outline-title">
      <h2 id="outline-title">{t('outlineTitle')}</h2>
      <ol>
        {sections.map((section) => {
          const state = limitState(counts.get(section.id) ?? 0, section.charLimit)
          return (
            <li key={section.id} className={`outline__item outline__item--${state}`}>
              <a href={`#section-${section.id}`}>{section.title}</a>
              {state === 'over' && <span className="badge badge--over">{t('overLimitShort')}</span>}
              {state === 'near' && <span className="badge badge--near">{t('nearLimit')}</span>}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
