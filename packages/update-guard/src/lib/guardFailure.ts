import type { GuardFailure } from './GuardResult.ts'

export function guardFailure(code: GuardFailure['code'], message: string): GuardFailure {
  return { ok: false, code, message }
}
