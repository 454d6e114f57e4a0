/**
 * Regular Swedish inflection endings (noun, adjective and participle forms, genitive -s).
 * `kvinn~` thereby covers kvinna, kvinnan, kvinnans, kvinnor, kvinnorna, kvinnornas.
 * Derivations (-het, -lig, -ning) are not inflections: write `jämställ*` for those.
 */
const ENDINGS = [
  'a',
  'an',
  'ans',
  'ar',
  'arna',
  'arnas',
  'as',
  'e',
  'en',
  'ens',
  'er',
  'erna',
  'ernas',
  'es',
  'et',
  'ets',
  'n',
  'na',
  'nas',
  'ns',
  'or',
  'orna',
  'ornas',
  'os',
  'r',
  'rna',
  'rnas',
  's',
  't',
  'ts',
]
const ENDINGS_SOURCE = `(?:${ENDINGS.join('|')})?`
const WORD_CHARS = '[\\p{L}\\p{M}\\p{N}]*'
const CORE = /^[\p{L}\p{N}]+$/u
const MEMO_LIMIT = 50_000

/** Where in a token list a family member was found. */
export interface FamilyMatch {
  /** Index of the first token of the match. */
  index: number
  /** Number of tokens (phrases span several). */
  length: number
  /** The matched words, lower-cased, joined by a space. */
  text: string
}

/** A set of word patterns that stand for one idea ("kvinnor", "fysisk miljö"). */
export interface WordFamily {
  readonly label: string
  readonly patterns: readonly string[]
  /** All matches in a token list, at most one per starting token, in text order. */
  match(tokens: readonly { word: string }[]): FamilyMatch[]
  /** Whether one lower-cased word matches any single-word pattern. */
  test(word: string): boolean
}

function compileToken(pattern: string, whole: string): RegExp {
  let core = pattern
  const tail = core.startsWith('*')
  if (tail) core = core.slice(1)
  const head = core.endsWith('*')
  if (head) core = core.slice(0, -1)
  const inflected = core.endsWith('~')
  if (inflected) core = core.slice(0, -1)
  if (!CORE.test(core) || (head && inflected)) {
    throw new Error(`Ogiltigt ordmönster "${pattern}" i "${whole}"`)
  }
  const escaped = core.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const after = inflected ? ENDINGS_SOURCE : head ? WORD_CHARS : ''
  return new RegExp(`^${tail ? WORD_CHARS : ''}${escaped}${after}$`, 'u')
}

/**
 * Builds a word family from patterns, one pattern per word form group. Matching is on tokens
 * (see `tokenize`): lower-case, NFC, so case and decomposed å/ä/ö never matter.
 *
 * Pattern syntax, per word (a pattern with spaces is a phrase of consecutive words):
 * - `män`      the exact word
 * - `kvinn~`   the stem plus a regular inflection ending (kvinna, kvinnorna, kvinnornas)
 * - `jämställ*` the stem plus anything (jämställd, jämställdheten, jämställdhetsintegrering)
 * - `*kvinn~`  the same as a compound tail too (invandrarkvinnor, ensamstående-kvinnor)
 * - `*diskrimin*` anywhere inside a word (icke-diskriminering, arbetslivsdiskriminering)
 *
 * Short stems get exact forms, not wildcards: `män*` would match "mänsklig", `*män` "allmän".
 *
 * @example
 * const women = wordFamily('kvinnor', ['*kvinn~'])
 * women.match(tokenize('Invandrarkvinnornas villkor', 0)).map((m) => m.text) // ['invandrarkvinnornas']
 */
export function wordFamily(label: string, patterns: readonly string[]): WordFamily {
  const phrases = patterns.map((pattern) => {
    const words = pattern.normalize('NFC').toLowerCase().trim().split(/\s+/u)
    return words.map((word) => compileToken(word, pattern))
  })
  const singles = phrases.filter((phrase) => phrase.length === 1).map((phrase) => phrase[0]!)
  const multi = phrases.filter((phrase) => phrase.length > 1)
  // Documents repeat their words, so each distinct word's answer is remembered: a regex per
  // token would dominate the checks of a 100-page document. The memo never changes an answer.
  // It lives as long as the family (the process, for built-in checklists), so it is bounded:
  // text full of unique strings must not grow a server's memory without limit.
  const singleMemo = new Map<string, boolean>()
  const test = (word: string): boolean => {
    let hit = singleMemo.get(word)
    if (hit === undefined) {
      hit = singles.some((regex) => regex.test(word))
      if (singleMemo.size >= MEMO_LIMIT) singleMemo.clear()
      singleMemo.set(word, hit)
    }
    return hit
  }
  // Only a word that can open a phrase is worth checking the words after it.
  const opensMemo = new Map<string, boolean>()
  const opensPhrase = (word: string): boolean => {
    let opens = opensMemo.get(word)
    if (opens === undefined) {
      opens = multi.some((phrase) => phrase[0]!.test(word))
      if (opensMemo.size >= MEMO_LIMIT) opensMemo.clear()
      opensMemo.set(word, opens)
    }
    return opens
  }
  const phraseAt = (tokens: readonly { word: string }[], index: number): number => {
    if (!opensPhrase(tokens[index]!.word)) return 0
    for (const phrase of multi) {
      if (index + phrase.length > tokens.length) continue
      if (phrase.every((regex, offset) => regex.test(tokens[index + offset]!.word)))
        return phrase.length
    }
    return 0
  }
  return Object.freeze({
    label,
    patterns: Object.freeze([...patterns]),
    test,
    match(tokens: readonly { word: string }[]): FamilyMatch[] {
      const matches: FamilyMatch[] = []
      for (let index = 0; index < tokens.length; index += 1) {
        const phrase = multi.length > 0 ? phraseAt(tokens, index) : 0
        const length = phrase || (test(tokens[index]!.word) ? 1 : 0)
        if (length === 0) continue
        const text =
          length === 1
            ? tokens[index]!.word
            : tokens
                .slice(index, index + length)
                .map((token) => token.word)
                .join(' ')
        matches.push({ index, length, text })
      }
      return matches
    },
  })
}
