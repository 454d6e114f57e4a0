import { z } from 'zod'

/** A letter of a script whose words the zero-width non-joiner is part of (not Latin, Greek, Cyrillic). */
const JOINED_LETTER = String.raw`(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{L}`

/**
 * Format characters (\p{Cf}: bidi controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C;
 * zero-width U+200B, U+2060, U+FEFF; soft hyphen…) except the zero-width joiner U+200D that joins
 * emoji; control characters (\p{Cc}: C0, DEL, C1); and characters that draw nothing although
 * Unicode calls them letters or marks (Hangul fillers, braille blank, combining grapheme joiner,
 * Khmer inherent vowels). Two format characters are part of ordinary writing where they belong:
 * the zero-width non-joiner U+200C between letters of scripts that use it (Persian, Indic; not
 * between Latin, Greek or Cyrillic letters, where it only hides a difference), and tag characters
 * after a black flag U+1F3F4 (the flags of Scotland, England, Wales).
 */
const INVISIBLE = new RegExp(
  [
    String.raw`(?!\u200c|\u200d|[\u{E0020}-\u{E007F}])\p{Cf}`,
    String.raw`\p{Cc}|\u034f|\u115f|\u1160|\u17b4|\u17b5|\u2800|\u3164|\uffa0`,
    String.raw`(?<!${JOINED_LETTER})\u200c|\u200c(?!${JOINED_LETTER})`,
    String.raw`(?<!\u{1F3F4}[\u{E0020}-\u{E007F}]*)[\u{E0020}-\u{E007F}]`,
  ].join('|'),
  'u',
)

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
    .refine((text) => !INVISIBLE.test(text), {
      error: `${the} innehåller osynliga tecken eller styrtecken.`,
      abort: true,
    })
    .refine((text) => text === '' || LETTER_OR_DIGIT.test(text), {
      error: `${the} måste innehålla minst en bokstav eller siffra.`,
    })
}
