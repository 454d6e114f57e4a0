import { useEffect, useId, useRef, useState, type MouseEvent, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { t } from '../../app/i18n.ts'
import { SharedTextInput } from '../../collab/SharedTextInput.tsx'
import { NumberInput } from './NumberInput.tsx'
import { YearInput } from './YearInput.tsx'
import { rowContent } from './rowContent.ts'
import type { SectionFields } from './SectionFields.ts'

export interface FieldColumn {
  /** The key of the cell in each stored row (what the checks read). */
  key: string
  label: string
  type: 'text' | 'amount' | 'check' | 'year'
  /** Room for the cell's input: a year needs little, a goal in words much. */
  width?: 'narrow' | 'wide'
}

interface FieldTableProps {
  fields: SectionFields
  /** The entry's key that holds the rows (`rows`, `financing`). */
  listKey: string
  caption: string
  columns: readonly FieldColumn[]
  /** How a row is called in labels and messages, e.g. `kostnadsrad 2`. */
  rowName: (row: number) => string
  addLabel: string
  editable: boolean
  /** Totals under the table. */
  footer?: ReactNode
}

interface Removed {
  index: number
  values: Record<string, unknown>
  name: string
}

// Rows have no stored id (the checks read the rows as they are); their shared type is stable.
const rowKeys = new WeakMap<object, string>()
let nextRowKey = 0
function rowKey(ref: object): string {
  let key = rowKeys.get(ref)
  if (!key) rowKeys.set(ref, (key = `row-${++nextRowKey}`))
  return key
}

/**
 * A table of structured values, each cell saved on its own so co-editors of different cells both
 * keep their change. Every input is labelled with its column and row; a removed row can be
 * brought back with "Ångra".
 */
export function FieldTable({
  fields,
  listKey,
  caption,
  columns,
  rowName,
  addLabel,
  editable,
  footer,
}: FieldTableProps) {
  const rows = fields.rows(listKey)
  const textKeys = columns.filter((column) => column.type === 'text').map((column) => column.key)
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const undoRef = useRef<HTMLButtonElement>(null)
  const focusRow = useRef<number | null>(null)
  const [removed, setRemoved] = useState<Removed | null>(null)
  const captionId = useId()

  useEffect(() => {
    // Keyboard users land in the row they added or brought back.
    if (focusRow.current === null) return
    const row = bodyRef.current?.rows[focusRow.current]
    if (!row) return
    focusRow.current = null
    row.querySelector<HTMLElement>('input, button')?.focus()
  })
  useEffect(() => {
    if (removed) undoRef.current?.focus()
  }, [removed])

  // A double click is one request for a row, not two: its second press counts 2 (keyboard
  // activation counts 0). That press leaves focus in the new row, which the first click moved it to.
  const handleAddPress = (event: MouseEvent) => {
    if (event.detail > 1) event.preventDefault()
  }
  const handleAdd = (event: MouseEvent) => {
    if (event.detail > 1) return
    focusRow.current = rows.length
    fields.addRow(listKey, {}, textKeys)
    setRemoved(null)
  }
  // Named by what the row says ("Personal, 2026"), with its place, once it says anything.
  const describe = (values: Record<string, unknown>, index: number) => {
    const content = rowContent(values, columns)
    return content ? t('fieldsRowNamed', { content, row: rowName(index + 1) }) : rowName(index + 1)
  }
  const handleRemove = (index: number) => {
    const values = fields.removeRow(listKey, index)
    if (values) setRemoved({ index, values, name: describe(values, index) })
  }
  const handleUndo = () => {
    if (!removed) return
    focusRow.current = Math.min(removed.index, fields.rows(listKey).length)
    fields.insertRow(listKey, removed.index, removed.values, textKeys)
    setRemoved(null)
  }

  return (
    <div className="fields-table">
      {/* On a narrow screen the table scrolls here, not the page: named and reachable by keyboard to scroll it. */}
      <div className="fields-table__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table>
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col">
                  {column.label}
                </th>
              ))}
              {editable && (
                <th scope="col">
                  <span className="visually-hidden">{t('fieldsActions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {rows.map((row, index) => {
              const name = rowName(index + 1)
              return (
                <tr key={rowKey(row.ref)}>
                  {columns.map((column) => (
                    <td
                      key={column.key}
                      className={`fields-table__${column.type}${column.width ? ` fields-table__${column.width}` : ''}`}
                    >
                      <FieldCell
                        column={column}
                        label={t('fieldsCell', { column: column.label, row: name })}
                        value={row.values[column.key]}
                        editable={editable}
                        onChange={(value) => fields.setCell(listKey, index, column.key, value)}
                        text={{
                          edit: (next, base, caret) => fields.setCellText(listKey, index, column.key, next, base, caret),
                          shared: () => fields.cellTextOf(listKey, index, column.key),
                          prepare: () => fields.prepareCellText(listKey, index, column.key),
                        }}
                      />
                    </td>
                  ))}
                  {editable && (
                    <td>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('fieldsRemoveRowLabel', { row: describe(row.values, index) })}
                        onClick={() => handleRemove(index)}
                      >
                        {/* On a phone-wide screen a cross, so the amount gets the width; the name says it all. */}
                        <span className="fields-table__remove-text">{t('fieldsRemoveRow')}</span>
                        <span className="fields-table__remove-icon" aria-hidden="true">✕</span>
                      </button>
                    </td>
                  )}
                </tr>
              )
            })}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + (editable ? 1 : 0)} className="muted">
                  {t('fieldsNoRows')}
                </td>
              </tr>
            )}
          </tbody>
          {footer && <tfoot>{footer}</tfoot>}
        </table>
      </div>
      {editable && (
        <button type="button" className="button button--secondary" onMouseDown={handleAddPress} onClick={handleAdd}>
          {addLabel}
        </button>
      )}
      <p role="status" className="fields-table__removed">
        {/* Undo writes too: not offered once the section is locked or the role lost its right. */}
        {removed && editable && (
          <>
            {t('fieldsRowRemoved', { row: removed.name })}{' '}
            <button
              ref={undoRef}
              type="button"
              className="button button--small"
              onClick={handleUndo}
            >
              {t('fieldsUndo')}
            </button>
          </>
        )}
      </p>
    </div>
  )
}

interface FieldCellProps {
  column: FieldColumn
  label: string
  value: unknown
  editable: boolean
  onChange: (value: string | number | boolean | null) => void
  /** A text cell as a shared text: its edits merge with others' typing in the same cell. */
  text: { edit: (next: string, base: string, caretAfter: number) => void; shared: () => Y.Text | undefined; prepare: () => void }
}

function FieldCell({ column, label, value, editable, onChange, text }: FieldCellProps) {
  if (column.type === 'amount') {
    return (
      <NumberInput
        label={label}
        kind="amount"
        value={value}
        readOnly={!editable}
        onCommit={onChange}
      />
    )
  }
  if (column.type === 'year') {
    return <YearInput label={label} value={value} readOnly={!editable} onCommit={onChange} />
  }
  if (column.type === 'check') {
    return (
      <input
        type="checkbox"
        aria-label={label}
        checked={value === true}
        disabled={!editable}
        onChange={(event) => onChange(event.target.checked)}
      />
    )
  }
  return (
    <SharedTextInput
      aria-label={label}
      value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      readOnly={!editable}
      onEdit={text.edit}
      text={text.shared}
      prepare={editable ? text.prepare : undefined}
    />
  )
}
