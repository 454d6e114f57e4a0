import type * as Y from 'yjs'
import type { PlanMember } from '@samskriv/plan'
import { sectionRoot } from '@samskriv/schema'
import type { SectionInfo } from '@samskriv/schema'
import { FragmentView } from './FragmentView.tsx'
import { PrintFields } from './PrintFields.tsx'
import { PrintPlan } from './PrintPlan.tsx'
import { usePrintFields } from './usePrintFields.ts'

interface PrintSectionProps {
  doc: Y.Doc
  section: SectionInfo
  sections: readonly SectionInfo[]
  members: readonly PlanMember[]
  /** Whether this section holds the plan table (the document's first plan section does). */
  holdsPlan: boolean
  /** The text's language when it is not Swedish (the ESF+ summary in English, WCAG 3.1.2). */
  lang?: 'en'
}

/**
 * One section on paper: its title, its structured values where the document page shows their
 * form (above the text, or under it for indicators), its text, and the plan if it is the plan's
 * section. The exports lay a section out the same way.
 */
export function PrintSection({ doc, section, sections, members, holdsPlan, lang }: PrintSectionProps) {
  const fields = usePrintFields(doc, section)
  return (
    <section className={`print-section${holdsPlan ? ' print-section--plan' : ''}`} aria-labelledby={`print-${section.id}`}>
      <h2 id={`print-${section.id}`}>{section.title}</h2>
      {fields?.placement === 'before' && <PrintFields view={fields} />}
      <div lang={lang}>
        <FragmentView fragment={doc.getXmlFragment(sectionRoot(section.id))} />
      </div>
      {fields?.placement === 'after' && <PrintFields view={fields} />}
      {holdsPlan && <PrintPlan doc={doc} sections={sections} members={members} />}
    </section>
  )
}
