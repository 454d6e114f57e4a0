/** Options of `parseCsv`. */
export interface ParseCsvOptions {
  /** Field separator; a comma unless told (Swedish Excel saves with semicolons). */
  delimiter?: ',' | ';'
}

/**
 * Parses RFC 4180 CSV into rows of fields: quoted fields may hold the delimiter, doubled
 * quotes and line breaks; CRLF and LF both end a record; a leading UTF-8 BOM is skipped.
 * Lenient where Excel is: a stray quote inside an unquoted field is kept as text.
 *
 * @example parseCsv('a,"b,c"\r\n') // [['a', 'b,c']]
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  const delimiter = options.delimiter ?? ','
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let fieldStarted = false
  for (let i = 0; i < input.length; i++) {
    const char = input[i]
    if (quoted) {
      if (char !== '"') field += char
      else if (input[i + 1] === '"') {
        field += '"'
        i++
      } else quoted = false
      continue
    }
    if (char === '"' && !fieldStarted) {
      quoted = true
      fieldStarted = true
    } else if (char === delimiter) {
      row.push(field)
      field = ''
      fieldStarted = false
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && input[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      fieldStarted = false
    } else {
      field += char
      fieldStarted = true
    }
  }
  // The last record may lack a line break (RFC 4180 allows it).
  if (fieldStarted || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}
