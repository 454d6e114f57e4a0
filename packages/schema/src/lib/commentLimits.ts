/**
 * The most characters a comment message may have: a long note fits, a pasted chapter does not
 * (it belongs in the text). The client stops typing there; the server refuses a longer message.
 */
export const COMMENT_MAX_CHARS = 5000
