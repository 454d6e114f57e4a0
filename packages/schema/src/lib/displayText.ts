import { z } from 'zod'

/**
 * Format characters (\p{Cf}: bidi controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C;
 * zero-width U+200B, U+200C, U+2060, U+FEFF; soft hyphen; tag characters…) except the zero-width
 * joiner U+200D that joins emoji; control characters (\p{Cc}: C0, DEL, C1); and characters that
 * draw nothing although Unicode calls them letters or marks (Hangul fillers, braille blank,
 * combining grapheme joiner, Khmer inherent vowels).
 */
const INVISIBLE = /(?!\u200d)\p{Cf}|\p{Cc}|\u034f|\u115f|\u1160|\u17b4|\u17b5|\u2800|\u3164|\uffa0/u

/** A surrogate that is not half of a pair: the string is not well-formed UTF-16. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Runs of spaces of any kind (no-break, en, ideographic…) draw like one ordinary space. */
const SPACES = /\p{Zs}+/gu

/**
 * A name or title people read on screen (user name, workspace name, document title, version name),
 * for the API's request bodies. Stored in NFC with its spaces made ordinary and single, trimmed, at
 * most `max` characters. It refuses what would make two names look the same while they differ, or
 * make one read other than it is: invisible and control characters, bidi overrides, broken UTF-16,
 * and a text with no letter or digit. `the` names the field in the messages ("Namnet", "Titeln").
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
    .refine((text) => !INVISIBLE.test(text), {
      error: `${the} innehåller osynliga tecken eller styrtecken.`,
      abort: true,
    })
    .refine((text) => text === '' || LETTER_OR_DIGIT.test(text), {
      error: `${the} måste innehålla minst en bokstav eller siffra.`,
    })
}
