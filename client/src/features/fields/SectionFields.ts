import { Root } from '@samskriv/schema'
import * as Y from 'yjs'
import { ensureText, sharedTextAt, writeText } from '../../collab/writeText.ts'

/** A value a form writes into a section's fields; null removes the key. */
export type FieldValue = string | number | boolean | null

/** One row of a table in the fields, as the form shows it. */
export interface FieldRow {
  /** Stable while the row exists (its Y.Map, or the plain object another tool stored), for React keys. */
  ref: object
  values: Record<string, unknown>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function plain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value
}

/**
 * A row's Y.Map. Its `textKeys` are shared texts from the start (empty when unset), so two people
 * focusing the same cell of a new row at once type into one text, not one each of which Yjs keeps one.
 */
function rowMap(values: Record<string, unknown>, textKeys: readonly string[] = []): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(values))
    if (value !== null && value !== undefined && !textKeys.includes(key)) map.set(key, value)
  for (const key of textKeys) {
    const value = values[key]
    map.set(key, new Y.Text(typeof value === 'string' || typeof value === 'number' ? String(value) : ''))
  }
  return map
}

/**
 * A section's entry in the `fields` root, read and written as the checks engine reads it
 * (`server/src/services/readCheckDocument.ts` takes the entry's `toJSON()`): the entry is a
 * Y.Map, each value its own key, and each table a Y.Array of Y.Maps with one key per cell, so two
 * people editing different cells (or different rows) both keep their change. Readers are lenient:
 * a plain object or array stored by another tool is read as it is and turned into shared types
 * on the first write, keeping its values.
 *
 * @example
 * const budget = new SectionFields(doc, sectionId)
 * budget.addRow('rows', { label: 'Lön', amount: 250000 })
 */
export class SectionFields {
  constructor(
    readonly doc: Y.Doc,
    readonly sectionId: string,
  ) {}

  /** The entry's values as plain data (what the checks see). */
  values(): Record<string, unknown> {
    const entry = plain(this.doc.getMap<unknown>(Root.fields).get(this.sectionId))
    return isRecord(entry) ? entry : {}
  }

  get(key: string): unknown {
    const entry = this.doc.getMap<unknown>(Root.fields).get(this.sectionId)
    return plain(entry instanceof Y.Map ? entry.get(key) : isRecord(entry) ? entry[key] : undefined)
  }

  rows(listKey: string): FieldRow[] {
    const entry = this.doc.getMap<unknown>(Root.fields).get(this.sectionId)
    const list =
      entry instanceof Y.Map ? entry.get(listKey) : isRecord(entry) ? entry[listKey] : undefined
    const items = list instanceof Y.Array ? list.toArray() : Array.isArray(list) ? list : []
    return items.flatMap((item: unknown) => {
      const values = plain(item)
      return isRecord(values) && typeof item === 'object' && item !== null
        ? [{ ref: item, values }]
        : []
    })
  }

  /** Sets keys of the entry in one transaction; only values that change are written. */
  set(patch: Record<string, FieldValue>): void {
    this.doc.transact(() => {
      const entry = this.entry()
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) {
          if (entry.has(key)) entry.delete(key)
        } else if (entry.get(key) !== value) entry.set(key, value)
      }
    })
  }

  /** Sets one cell of row `index` (0-based) of the table under `listKey`. */
  setCell(listKey: string, index: number, key: string, value: FieldValue): void {
    this.doc.transact(() => {
      const row = this.list(listKey).get(index)
      if (!(row instanceof Y.Map)) return
      if (value === null) {
        if (row.has(key)) row.delete(key)
      } else if (row.get(key) !== value) row.set(key, value)
    })
  }

  /** Makes text `key` read `next`, merged with others' typing in it (see `writeText`). */
  setText(key: string, next: string, base?: string, caretAfter?: number): void {
    this.doc.transact(() => writeText(this.entry(), key, next, base, caretAfter))
  }

  /** `setText` for one text cell of row `index` (0-based) of the table under `listKey`. */
  setCellText(listKey: string, index: number, key: string, next: string, base?: string, caretAfter?: number): void {
    this.doc.transact(() => {
      const row = this.list(listKey).get(index)
      if (row instanceof Y.Map) writeText(row, key, next, base, caretAfter)
    })
  }

  /** Makes text `key` a shared text before anyone types into it (see `ensureText`). */
  prepareText(key: string): void {
    if (!(sharedTextAt(this.currentEntry(), key))) this.doc.transact(() => ensureText(this.entry(), key))
  }

  /** `prepareText` for one text cell of row `index` of the table under `listKey`. */
  prepareCellText(listKey: string, index: number, key: string): void {
    if (sharedTextAt(this.currentRow(listKey, index), key)) return
    this.doc.transact(() => {
      const row = this.list(listKey).get(index)
      if (row instanceof Y.Map) ensureText(row, key)
    })
  }

  /** Text `key` as a shared text, when it is one. */
  textOf(key: string): Y.Text | undefined {
    return sharedTextAt(this.currentEntry(), key)
  }

  /** A text cell of row `index` as a shared text, when it is one. */
  cellTextOf(listKey: string, index: number, key: string): Y.Text | undefined {
    return sharedTextAt(this.currentRow(listKey, index), key)
  }

  private currentEntry(): unknown {
    return this.doc.getMap<unknown>(Root.fields).get(this.sectionId)
  }

  private currentRow(listKey: string, index: number): unknown {
    const entry = this.currentEntry()
    const list = entry instanceof Y.Map ? entry.get(listKey) : undefined
    return list instanceof Y.Array ? list.get(index) : undefined
  }

  /** Adds a row at the end; its `textKeys` are shared texts from the start (see `rowMap`). */
  addRow(listKey: string, values: Record<string, unknown> = {}, textKeys: readonly string[] = []): void {
    this.insertRow(listKey, Number.POSITIVE_INFINITY, values, textKeys)
  }

  /** Inserts a row at `index`, or at the end when the table is shorter (undo after others edited). */
  insertRow(listKey: string, index: number, values: Record<string, unknown>, textKeys: readonly string[] = []): void {
    this.doc.transact(() => {
      const list = this.list(listKey)
      list.insert(Math.max(0, Math.min(index, list.length)), [rowMap(values, textKeys)])
    })
  }

  /** Removes row `index` and returns its values, so the form can offer to undo; null when it is gone. */
  removeRow(listKey: string, index: number): Record<string, unknown> | null {
    let removed: Record<string, unknown> | null = null
    this.doc.transact(() => {
      const list = this.list(listKey)
      if (index < 0 || index >= list.length) return
      const values = plain(list.get(index))
      removed = isRecord(values) ? values : {}
      list.delete(index, 1)
    })
    return removed
  }

  /** The entry as a Y.Map, created (or converted from a plain object) on the first write. */
  private entry(): Y.Map<unknown> {
    const fields = this.doc.getMap<unknown>(Root.fields)
    const current = fields.get(this.sectionId)
    if (current instanceof Y.Map) return current
    const map = rowMap(isRecord(current) ? current : {})
    fields.set(this.sectionId, map)
    return map
  }

  /** The table under `listKey` as a Y.Array of Y.Maps, converting plain rows a tool may have stored. */
  private list(listKey: string): Y.Array<unknown> {
    const entry = this.entry()
    const current = entry.get(listKey)
    if (current instanceof Y.Array && current.toArray().every((row) => row instanceof Y.Map))
      return current
    const rows = (
      current instanceof Y.Array ? current.toJSON() : Array.isArray(current) ? current : []
    ) as unknown[]
    const list = new Y.Array<unknown>()
    list.push(rows.filter(isRecord).map((row) => rowMap(row)))
    entry.set(listKey, list)
    return list
  }
}
