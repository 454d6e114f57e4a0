import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { readPlan, updateActivity } from '@samskriv/plan'
import type { Activity } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'
import { focusSection } from '../checks/focusSection.ts'
import { linkableSections, resolveLinks, withLink, withoutLink } from './activityLinks.ts'
import type { LinkableSection } from './activityLinks.ts'

interface ActivityLinksProps {
  doc: Y.Doc
  activity: Activity
  /** 1-based, for labels that stay put while the title is edited. */
  row: number
  editable: boolean
  sections: readonly LinkableSection[]
}

/**
 * The sections an activity contributes to, by their current titles; each one moves focus to its
 * section. Editors add links from a select and remove them one by one. Only the `links` key is
 * written (updateActivity), so a concurrent edit of another field of the activity survives.
 */
export function ActivityLinks({ doc, activity, row, editable, sections }: ActivityLinksProps) {
  const [chosen, setChosen] = useState('')
  const links = resolveLinks(activity.links, sections, t('planLinksRemoved'))
  const options = linkableSections(activity.links, sections)
  // Read the links afresh at the moment of writing: the rendered list may be a step behind.
  const write = (change: (links: readonly string[]) => string[]) => {
    const current = readPlan(doc).find((entry) => entry.id === activity.id)?.links ?? activity.links
    updateActivity(doc, activity.id, { links: change(current) })
  }
  // "Koppla" is disabled again once its choice is added, which would drop focus to <body>: focus
  // goes to the select for the next link, or (none left to offer) to the link just made.
  const rootRef = useRef<HTMLDivElement>(null)
  const added = useRef<string | null>(null)
  useEffect(() => {
    const link = added.current
    if (link === null || !activity.links.includes(link)) return
    added.current = null
    const root = rootRef.current
    const target = root?.querySelector('select') ?? root?.querySelector<HTMLElement>(`[data-link="${CSS.escape(link)}"]`)
    target?.focus()
  }, [activity.links])
  const add = () => {
    if (!chosen) return
    write((current) => withLink(current, chosen))
    added.current = chosen
    setChosen('')
  }

  return (
    <div className="plan-links" ref={rootRef}>
      {links.length === 0
        ? <span className="muted">{t('planLinksNone')}</span>
        : (
          <ul aria-label={t('planLinksListLabel', { activity: activity.title || t('planRowN', { row }) })}>
            {links.map((link) => (
              <li key={link.id}>
                {link.removed
                  ? <span className="muted">{link.title}</span>
                  : (
                    <button type="button" className="link-button" data-link={link.id} onClick={() => focusSection(link.id)}>
                      <span className="visually-hidden">{t('planLinksGoTo')} </span>{link.title}
                    </button>
                  )}
                {editable && (
                  <button type="button" className="plan-links__remove" aria-label={t('planLinksRemove', { title: link.title, row })}
                    onClick={() => write((current) => withoutLink(current, link.id))}>
                    <span aria-hidden="true">×</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      {editable && options.length > 0 && (
        <div className="plan-links__add">
          <select aria-label={t('planLinksSelect', { row })} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">{t('planLinksChoose')}</option>
            {options.map((section) => (
              <option key={section.id} value={section.id}>{section.title.trim() || section.id}</option>
            ))}
          </select>
          <button type="button" className="button button--secondary" aria-label={t('planLinksAddLabel', { row })} disabled={!chosen} onClick={add}>
            {t('planLinksAdd')}
          </button>
        </div>
      )}
    </div>
  )
}
