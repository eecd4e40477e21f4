export interface BackoffSettings {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Exponential backoff with full jitter: a uniformly random delay in [0, min(cap, base · 2^(n−1)))
 * after the n-th failed attempt. Spreads the retries of many jobs that failed together.
 */
export function backoffDelay(
  failedAttempts: number,
  { baseDelayMs, maxDelayMs }: BackoffSettings,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failedAttempts, 1) - 1, 52);
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

/** A RetryLater's `afterMs` is a floor: the next attempt never comes earlier, the jitter may add. */
export function retryDelay(
  failedAttempts: number,
  settings: BackoffSettings,
  afterMs = 0,
  random: () => number = Math.random,
): number {
  return Math.max(afterMs, backoffDelay(failedAttempts, settings, random));
}
