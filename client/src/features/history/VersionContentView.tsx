import type { ReactNode } from 'react'
import { t } from '../../app/i18n.ts'
import { PrintFields } from '../print/PrintFields.tsx'
import type { VersionBlock, VersionRun, VersionSection } from './versionsApi.ts'

function Run({ run }: { run: VersionRun }) {
  // Text only: React escapes it, so nothing a user typed becomes HTML.
  let node: ReactNode = run.text
  if (run.bold) node = <strong>{node}</strong>
  if (run.italic) node = <em>{node}</em>
  if (run.strike) node = <s>{node}</s>
  return <>{node}</>
}

function Block({ block }: { block: VersionBlock }) {
  const runs = block.runs.map((run, index) => <Run key={index} run={run} />)
  if (block.type === 'listItem') {
    return (
      <p className="history-block history-block--item" style={{ marginInlineStart: `${(block.level ?? 0) * 1.5 + 1}rem` }}>
        <span aria-hidden="true">{block.ordered ? '– ' : '• '}</span>
        {runs}
      </p>
    )
  }
  if (block.type === 'code') return <pre className="history-block">{runs}</pre>
  if (block.type === 'heading') return <p className="history-block history-block--heading">{runs}</p>
  return <p className="history-block">{runs}</p>
}

interface VersionContentViewProps {
  sections: VersionSection[]
  /** What to say about a section under its title (that the time plan is not in versions). */
  note?: (section: VersionSection) => ReactNode
  /** Controls per section (restore). */
  actions?: (section: VersionSection) => ReactNode
}

/** A version's sections, read-only. */
export function VersionContentView({ sections, note, actions }: VersionContentViewProps) {
  return (
    <div className="history-content">
      {sections.map((section) => (
        <section key={section.id} className="history-section" aria-label={section.title}>
          <h4>{section.title}</h4>
          {note?.(section)}
          {section.fields?.placement === 'before' && <PrintFields view={section.fields} />}
          {section.blocks.length === 0
            ? !section.fields && <p className="history-muted">{t('historyEmptySection')}</p>
            : section.blocks.map((block, index) => <Block key={index} block={block} />)}
          {section.fields?.placement === 'after' && <PrintFields view={section.fields} />}
          {actions?.(section)}
        </section>
      ))}
    </div>
  )
}
