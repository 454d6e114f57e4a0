interface Bucket {
  failures: number
  resetAt: number
}

/**
 * Counts failed logins per e-mail and per client address in a sliding window. It answers the
 * same way for known and unknown accounts, so it reveals nothing about who is registered.
 */
export class LoginThrottle {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  isBlocked(keys: readonly string[], now = Date.now()): boolean {
    return keys.some((key) => {
      const bucket = this.buckets.get(key)
      return bucket !== undefined && bucket.resetAt > now && bucket.failures >= this.maxFailures
    })
  }

  recordFailure(keys: readonly string[], now = Date.now()): void {
    for (const key of keys) {
      const bucket = this.buckets.get(key)
      if (!bucket || bucket.resetAt <= now) this.buckets.set(key, { failures: 1, resetAt: now + this.windowMs })
      else bucket.failures++
    }
    if (this.buckets.size > 100_000) this.prune(now)
  }

  reset(keys: readonly string[]): void {
    for (const key of keys) this.buckets.delete(key)
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.resetAt <= now) this.buckets.delete(key)
  }
}
