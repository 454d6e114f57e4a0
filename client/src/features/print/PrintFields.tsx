import type { FieldsTable, FieldsView } from '@samskriv/schema'
import { PrintTableScroll } from './PrintTableScroll.tsx'

function PrintFieldsTable({ table }: { table: FieldsTable }) {
  const align = (column: number) => (table.numeric[column] ? 'print-table__number' : undefined)
  return (
    <PrintTableScroll label={table.title}>
      <table className="print-table">
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {table.headers.map((header, column) => (
              <th key={column} scope="col" className={align(column)}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column} className={align(column)}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {table.totals.length > 0 && (
          <tfoot>
            {table.totals.map(([label, ...cells], index) => (
              <tr key={index}>
                <th scope="row">{label}</th>
                {cells.map((cell, column) => (
                  <td key={column} className={align(column + 1)}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tfoot>
        )}
      </table>
    </PrintTableScroll>
  )
}

/**
 * The tables and lists of one section's structured values, as the exports write them
 * (`fieldsView`, shared with them): in Swedish, as the document is, whatever the UI language.
 */
export function PrintFields({ view }: { view: FieldsView }) {
  return (
    <div className="print-fields" lang="sv">
      {view.blocks.map((block, index) =>
        block.kind === 'table' ? (
          <PrintFieldsTable key={index} table={block} />
        ) : (
          <div key={index} className="print-facts">
            <p className="print-facts__title">{block.title}</p>
            <dl>
              {block.facts.map((fact) => (
                <div key={fact.label}>
                  <dt>{fact.label}</dt>
                  <dd>{fact.value}</dd>
                </div>
              ))}
            </dl>
          </div>
        ),
      )}
    </div>
  )
}
