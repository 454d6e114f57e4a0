interface Bucket {
  failures: number
  resetAt: number
}

/** One login attempt: the account it names and the address it came from. */
export interface LoginAttempt {
  email: string
  address: string
}

/** Failed logins allowed in a window before the throttle answers 429. */
export interface LoginLimits {
  /** For one account from one address: someone guessing a password. */
  accountFromAddress: number
  /** For one address, whatever the accounts: one guesser trying many. Offices share an address. */
  address: number
  /** For one account, whatever the addresses: many guessing one. Anyone can spend it, so it is high. */
  account: number
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { accountFromAddress: 10, address: 100, account: 100 }

/**
 * Counts failed logins per account and address, per address and per account in a window. It
 * answers the same way for known and unknown accounts, so it reveals nothing about who is
 * registered. The tight limit is the pair: ten wrong passwords for one account from one place,
 * which is what a guesser does, lock out neither the account's owner elsewhere nor colleagues
 * behind the same address.
 */
export class LoginThrottle {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  isBlocked(attempt: LoginAttempt, now = Date.now()): boolean {
    return this.counted(attempt).some(([key, max]) => {
      const bucket = this.buckets.get(key)
      return bucket !== undefined && bucket.resetAt > now && bucket.failures >= max
    })
  }

  recordFailure(attempt: LoginAttempt, now = Date.now()): void {
    for (const [key] of this.counted(attempt)) {
      const bucket = this.buckets.get(key)
      if (!bucket || bucket.resetAt <= now) this.buckets.set(key, { failures: 1, resetAt: now + this.windowMs })
      else bucket.failures++
    }
    if (this.buckets.size > 100_000) this.prune(now)
  }

  /**
   * A right password: this account's count from this address starts over. The address's and the
   * account's own do not, or each login of the owner would give guessers elsewhere a fresh start.
   */
  recordSuccess(attempt: LoginAttempt): void {
    this.buckets.delete(pairKey(attempt))
  }

  private counted(attempt: LoginAttempt): Array<[string, number]> {
    return [
      [pairKey(attempt), this.limits.accountFromAddress],
      [`address:${attempt.address}`, this.limits.address],
      [`account:${attempt.email}`, this.limits.account],
    ]
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.resetAt <= now) this.buckets.delete(key)
  }
}

function pairKey(attempt: LoginAttempt): string {
  return `account+address:${attempt.email}\n${attempt.address}`
}
