/** Where the mention inbox lives (Swedish, like the rest of the UI). */
export const MENTIONS_PATH = '/omnamnanden'
