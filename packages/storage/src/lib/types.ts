/** Kept local so storage depends on no other internal package; the server narrows it to schema's Role. */
export type Role = 'coordinator' | 'editor' | 'analyst' | 'viewer'
