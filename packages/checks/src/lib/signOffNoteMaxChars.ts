/**
 * The longest note a checklist sign-off may carry, in characters (UTF-16 units, as `String.length`
 * counts them). The sign-off form counts down to it and the server refuses longer notes: a note is
 * a reason in a sentence or two, printed in every report.
 */
export const SIGN_OFF_NOTE_MAX_CHARS = 1000
