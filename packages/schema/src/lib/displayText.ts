import { z } from 'zod'

/** A letter of a script whose words the zero-width non-joiner is part of (not Latin, Greek, Cyrillic). */
const JOINED_LETTER = String.raw`(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{L}`

/**
 * Characters that draw nothing or change how a line reads, and so can hide a difference between
 * two names: format characters (\p{Cf}: bidi controls, zero-width characters, soft hyphen…),
 * control characters (\p{Cc}), everything Unicode calls default-ignorable (variation selectors,
 * Hangul fillers, the combining grapheme joiner, Mongolian selectors, unassigned ignorables…),
 * line and paragraph separators, the braille blank and the Khitan filler, and a combining mark
 * on nothing (at the start or after a space). Allowed where they are part of ordinary writing:
 * the zero-width joiner U+200D (emoji, Indic scripts); the zero-width non-joiner U+200C between
 * letters of scripts that use it (Persian, Indic; not between Latin, Greek or Cyrillic letters,
 * where it only hides a difference); the emoji presentation selectors U+FE0E/U+FE0F after an emoji
 * or in a keycap; and the tag characters of the flags of England, Scotland and Wales (`FLAGS`).
 */
const INVISIBLE = new RegExp(
  [
    String.raw`(?!\u200c|\u200d|\ufe0e|\ufe0f)[\p{Cf}\p{Default_Ignorable_Code_Point}]`,
    String.raw`\p{Cc}|\p{Zl}|\p{Zp}|\u17b4|\u17b5|\u2800|\u{16FE4}`,
    String.raw`(?<!${JOINED_LETTER})\u200c|\u200c(?!${JOINED_LETTER})`,
    String.raw`(?<!\p{Extended_Pictographic})[\ufe0e\ufe0f](?!\u20e3)`,
    String.raw`(?:^|\p{Zs})\p{M}`,
  ].join('|'),
  'u',
)

/** The three flags written with tag characters (black flag, "gbeng"/"gbsct"/"gbwls", cancel tag). */
const FLAGS = /\u{1F3F4}\u{E0067}\u{E0062}(?:\u{E0065}\u{E006E}\u{E0067}|\u{E0073}\u{E0063}\u{E0074}|\u{E0077}\u{E006C}\u{E0073})\u{E007F}/gu

/** Whether `text` holds anything invisible outside the three tag flags. */
const hidesSomething = (text: string) => INVISIBLE.test(text.replace(FLAGS, '\u{1F3F4}'))

/** A surrogate that is not half of a pair: the string is not well-formed UTF-16. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Runs of spaces of any kind (no-break, en, ideographic…) draw like one ordinary space. */
const SPACES = /\p{Zs}+/gu

/**
 * A name or title people read on screen (user name, workspace name, document title, version name),
 * for the API's request bodies. Stored in NFC with its spaces made ordinary and single, trimmed, at
 * most `max` characters. It refuses characters that hide a difference between two names or make
 * one read other than it is: invisible and control characters, bidi overrides, broken UTF-16, and a
 * text with no letter or digit. (Look-alike letters of other scripts, and a name like another
 * member's, still pass.) `the` names the field in the messages ("Namnet", "Titeln").
 */
export function displayText(max: number, the = 'Namnet') {
  return z
    .string()
    .normalize('NFC')
    .overwrite((text) => text.replace(SPACES, ' '))
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !LONE_SURROGATE.test(text), {
      error: `${the} innehåller ogiltiga tecken.`,
      abort: true,
    })
    .refine((text) => !hidesSomething(text), {
      error: `${the} innehåller osynliga tecken eller styrtecken.`,
      abort: true,
    })
    .refine((text) => text === '' || LETTER_OR_DIGIT.test(text), {
      error: `${the} måste innehålla minst en bokstav eller siffra.`,
    })
}
