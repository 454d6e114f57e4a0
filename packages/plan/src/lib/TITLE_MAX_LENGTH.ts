/** The most characters an activity's title may have (the färdplan template's 500 per activity). */
export const TITLE_MAX_LENGTH = 500
