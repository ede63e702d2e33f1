import type { Clock } from '../clock.ts';

/**
 * Slows password guessing without locking people out for long: after a few failures for one
 * e-mail address (or from one network address) further attempts wait, the wait doubling with
 * each failure up to a short cap. A success clears the address's record.
 */
export type ThrottlePolicy = {
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** Failures older than this are forgotten. */
  windowSeconds: number;
};

export const accountPolicy: ThrottlePolicy = {
  freeFailures: 5,
  firstDelaySeconds: 30,
  maxDelaySeconds: 300,
  windowSeconds: 900,
};
export const networkPolicy: ThrottlePolicy = {
  freeFailures: 20,
  firstDelaySeconds: 30,
  maxDelaySeconds: 300,
  windowSeconds: 900,
};

type Entry = { failures: number; lastFailureAt: number };

export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = failures - policy.freeFailures;
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.min(doublings, 20));
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: ThrottlePolicy,
    private readonly maxEntries = 100_000,
  ) {}

  /** Seconds the caller must still wait before trying this key again; 0 when free to try. */
  retryAfterSeconds(key: string): number {
    const entry = this.current(key);
    if (!entry) return 0;
    const delaySeconds = delayAfter(entry.failures, this.policy);
    // Bounded by the delay itself, so a clock that steps back (NTP, a test's clock) never holds
    // anyone still within the free failures, nor anyone longer than their delay.
    if (delaySeconds === 0) return 0;
    const waitUntil = entry.lastFailureAt + delaySeconds * 1000;
    return Math.min(delaySeconds, Math.max(0, Math.ceil((waitUntil - this.clock.now().getTime()) / 1000)));
  }

  recordFailure(key: string): void {
    const entry = this.current(key);
    if (!entry && this.entries.size >= this.maxEntries) this.evictOldest();
    this.entries.set(key, {
      failures: (entry?.failures ?? 0) + 1,
      lastFailureAt: this.clock.now().getTime(),
    });
  }

  recordSuccess(key: string): void {
    this.entries.delete(key);
  }

  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.clock.now().getTime() - entry.lastFailureAt > this.policy.windowSeconds * 1000) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
}
