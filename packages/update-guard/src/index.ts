export { touchedTargets } from './lib/touchedTargets.ts'
export { checkUpdate } from './lib/checkUpdate.ts'
export type { CheckResult } from './lib/checkUpdate.ts'
export type { GuardFailure, GuardResult } from './lib/GuardResult.ts'
