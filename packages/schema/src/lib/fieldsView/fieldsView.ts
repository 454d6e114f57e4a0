import type { FieldsBlock, FieldsFact, FieldsTable, FieldsView } from './FieldsBlock.ts'
import { fieldNumber, formatFieldNumber } from './formatFieldNumber.ts'
import { fieldsPlacement, type FieldsSection } from './fieldsPlacement.ts'

/** The little the view needs to know about a section (SectionInfo fits). */
export type FieldsViewSection = FieldsSection

interface Column {
  key: string
  label: string
  type: 'text' | 'amount' | 'check'
}

type Row = Record<string, unknown>

const NOT_FILLED = 'ej ifyllt'

// The ESF+ overview's facts, labelled as its form labels them (without the form's hints).
const OVERVIEW: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'name', label: 'Projektets namn' },
  { key: 'owner', label: 'Projektägare' },
  { key: 'workplace', label: 'Ansvarigt arbetsställe' },
  { key: 'regions', label: 'Regioner som berörs' },
  { key: 'call', label: 'Utlysning eller programområde' },
  { key: 'start', label: 'Startdatum' },
  { key: 'end', label: 'Slutdatum' },
]

const PARTICIPANTS: readonly Column[] = [
  { key: 'women', label: 'Antal kvinnor', type: 'amount' },
  { key: 'men', label: 'Antal män', type: 'amount' },
  { key: 'total', label: 'Totalt antal deltagare', type: 'amount' },
]

const COSTS: readonly Column[] = [
  { key: 'label', label: 'Kostnadsslag', type: 'text' },
  { key: 'year', label: 'År', type: 'text' },
  { key: 'amount', label: 'Belopp (kr)', type: 'amount' },
]

const FINANCING: readonly Column[] = [
  { key: 'funder', label: 'Finansiär', type: 'text' },
  { key: 'amount', label: 'Belopp (kr)', type: 'amount' },
  { key: 'esf', label: 'ESF+-stöd', type: 'check' },
]

const INDICATORS: readonly Column[] = [
  { key: 'goal', label: 'Mål', type: 'text' },
  { key: 'indicator', label: 'Indikator', type: 'text' },
  { key: 'baseline', label: 'Utgångsläge', type: 'text' },
  { key: 'target', label: 'Målvärde', type: 'text' },
  { key: 'bySex', label: 'Redovisas per kön', type: 'check' },
]

function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function rowsOf(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter(isRecord) : []
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim()
  // A year or a target stored as a number reads as typed: 2025, not "2 025".
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return ''
}

/** An amount or a count as Swedish text; text that is no number ("Ej aktuellt") as it is. */
function amount(value: unknown): string {
  const number = fieldNumber(value)
  // Öre, when there are any, with both digits: 150 000,50.
  return number === null ? text(value) : formatFieldNumber(number, 2, Number.isInteger(number) ? 0 : 2)
}

function cell(column: Column, value: unknown): string {
  if (column.type === 'check') return value === true ? 'Ja' : 'Nej'
  return column.type === 'amount' ? amount(value) : text(value)
}

function sum(rows: readonly Row[], only?: (row: Row) => boolean): number {
  return rows.reduce((total, row) => total + (only && !only(row) ? 0 : (fieldNumber(row['amount']) ?? 0)), 0)
}

/** A table of the rows that hold anything (a row added and never filled in is left out). */
function table(title: string, columns: readonly Column[], rows: readonly Row[], totals: string[][] = []): FieldsTable | null {
  const filled = rows.filter((row) => columns.some((column) => (column.type === 'check' ? row[column.key] === true : text(row[column.key]) !== '')))
  if (filled.length === 0) return null
  return {
    kind: 'table',
    title,
    headers: columns.map((column) => column.label),
    numeric: columns.map((column) => column.type === 'amount'),
    rows: filled.map((row) => columns.map((column) => cell(column, row[column.key]))),
    totals,
  }
}

function overview(values: Row): FieldsBlock[] {
  if (OVERVIEW.every(({ key }) => text(values[key]) === '')) return []
  const facts = OVERVIEW.map(({ key, label }) => ({ label, value: text(values[key]) || NOT_FILLED }))
  return [{ kind: 'facts', title: 'Uppgifter om projektet', facts }]
}

function participants(values: Row): FieldsBlock[] {
  const counts = table('Planerat antal deltagare', PARTICIPANTS, [values])
  return counts ? [counts] : []
}

/** The budget with its totals, computed as the form and the checks compute them (rule `budget-sums`). */
function budget(values: Row): FieldsBlock[] {
  const rows = rowsOf(values['rows'])
  const financing = rowsOf(values['financing'])
  const cost = sum(rows)
  const funded = sum(financing)
  const esf = sum(financing, (row) => row['esf'] === true)
  const blocks: FieldsBlock[] = []
  const costs = table('Kostnader', COSTS, rows, [['Summa kostnader', '', formatFieldNumber(cost)]])
  if (costs) blocks.push(costs)
  const funders = table('Finansiering', FINANCING, financing, [
    ['Summa finansiering', formatFieldNumber(funded), ''],
    ['Varav ESF+-stöd', formatFieldNumber(esf), ''],
  ])
  if (funders) blocks.push(funders)
  const facts: FieldsFact[] = []
  if (financing.length > 0 && cost > 0) {
    facts.push({ label: 'Andel som inte är ESF+-stöd', value: `${formatFieldNumber((100 * (funded - esf)) / cost, 1, 1)} %` })
  }
  const required = fieldNumber(values['requiredCofinancingPercent'])
  if (required !== null) facts.push({ label: 'Utlysningens krav', value: `${formatFieldNumber(required)} %` })
  if (facts.length > 0) blocks.push({ kind: 'facts', title: 'Medfinansiering', facts })
  return blocks
}

function indicators(values: Row): FieldsBlock[] {
  const indicatorTable = table('Indikatorer', INDICATORS, rowsOf(values['rows']))
  return indicatorTable ? [indicatorTable] : []
}

/**
 * A section's structured values (`fields[<section id>]` as plain data) as tables and lists of
 * Swedish text, the same for the print view, the Word export and the Markdown export. Null when
 * the section has no structured values or none is filled in. Placed by `fieldsPlacement`, as the
 * document page places the form.
 *
 * @example
 * const view = fieldsView(section, readFieldValues(doc, section.id))
 * view?.blocks[0] // { kind: 'table', title: 'Indikatorer', headers: ['Mål', …], rows: [[…]], … }
 */
export function fieldsView(section: FieldsViewSection, values: Readonly<Record<string, unknown>>): FieldsView | null {
  const placement = fieldsPlacement(section)
  if (!placement) return null
  const row = { ...values }
  const blocks =
    section.kind === 'participants'
      ? participants(row)
      : section.kind === 'budget'
        ? budget(row)
        : section.kind === 'indicators'
          ? indicators(row)
          : section.key === 'oversikt'
            ? overview(row)
            : []
  if (blocks.length === 0) return null
  return { placement, blocks }
}
