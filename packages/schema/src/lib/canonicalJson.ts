/**
 * JSON with the keys of every object sorted, so two peers whose Y.Maps integrated their keys
 * in a different order write the same string. Like `JSON.stringify`: `undefined` (and
 * functions) are left out of objects and read as `null` in arrays. Unlike it, values JSON has
 * no word for keep one of their own (`30n`, `NaN`, `Infinity`, bytes as `0x` and hex), so a bigint
 * is not the string of its digits and an infinity is not `null`: two states that differ never
 * write the same text. Bytes are written in one pass, not key by key (a megabyte of them is a
 * million keys to an object walk).
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null'
}

function write(value: unknown): string | undefined {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : String(value)
    case 'bigint':
      return `${value.toString()}n`
    case 'object':
      break
    default:
      return undefined
  }
  if (value instanceof Uint8Array) return `0x${hex(value)}`
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`
  const record = value as Record<string, unknown>
  const parts: string[] = []
  for (const key of Object.keys(record).sort()) {
    const written = write(record[key])
    if (written !== undefined) parts.push(`${JSON.stringify(key)}:${written}`)
  }
  return `{${parts.join(',')}}`
}

const HEX_DIGITS = new TextEncoder().encode('0123456789abcdef')
const ASCII = new TextDecoder('ascii')

function hex(bytes: Uint8Array): string {
  const digits = new Uint8Array(bytes.length * 2)
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number
    digits[index * 2] = HEX_DIGITS[byte >> 4] as number
    digits[index * 2 + 1] = HEX_DIGITS[byte & 15] as number
  }
  return ASCII.decode(digits)
}
