import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { accountPolicy, delayAfter, LoginThrottle } from '../../src/server/auth/login-throttle.ts';

const clockAt = (start: number) => {
  let now = start;
  return { clock: { now: () => new Date(now) }, advance: (ms: number) => (now += ms) };
};

describe('login throttle', () => {
  it('lets the first few failures through without waiting', () => {
    const { clock } = clockAt(0);
    const throttle = new LoginThrottle(clock, accountPolicy);
    for (let i = 0; i < accountPolicy.freeFailures - 1; i++) throttle.recordFailure('a@x');
    expect(throttle.retryAfterSeconds('a@x')).toBe(0);
  });

  it('doubles the wait with each further failure, up to the cap', () => {
    expect(delayAfter(5, accountPolicy)).toBe(30);
    expect(delayAfter(6, accountPolicy)).toBe(60);
    expect(delayAfter(7, accountPolicy)).toBe(120);
    expect(delayAfter(50, accountPolicy)).toBe(accountPolicy.maxDelaySeconds);
  });

  it('forgets failures once the window has passed, and a success clears them', () => {
    const { clock, advance } = clockAt(0);
    const throttle = new LoginThrottle(clock, accountPolicy);
    for (let i = 0; i < 8; i++) throttle.recordFailure('a@x');
    expect(throttle.retryAfterSeconds('a@x')).toBeGreaterThan(0);
    advance((accountPolicy.windowSeconds + 1) * 1000);
    expect(throttle.retryAfterSeconds('a@x')).toBe(0);
    for (let i = 0; i < 8; i++) throttle.recordFailure('b@x');
    throttle.recordSuccess('b@x');
    expect(throttle.retryAfterSeconds('b@x')).toBe(0);
  });

  it('holds no one within the free failures, and no one longer than their delay, when the clock steps back', () => {
    let now = 10_000_000;
    const throttle = new LoginThrottle({ now: () => new Date(now) }, accountPolicy);
    for (let i = 0; i < accountPolicy.freeFailures - 1; i++) throttle.recordFailure('a@x');
    now -= 3_600_000;
    expect(throttle.retryAfterSeconds('a@x')).toBe(0);
    throttle.recordFailure('a@x');
    now -= 3_600_000;
    expect(throttle.retryAfterSeconds('a@x')).toBe(delayAfter(accountPolicy.freeFailures, accountPolicy));
  });

  test.prop([fc.integer({ min: 0, max: 1000 })])(
    'never makes anyone wait longer than the cap',
    (failures) => {
      const { clock } = clockAt(0);
      const throttle = new LoginThrottle(clock, accountPolicy);
      for (let i = 0; i < failures; i++) throttle.recordFailure('k');
      expect(throttle.retryAfterSeconds('k')).toBeLessThanOrEqual(accountPolicy.maxDelaySeconds);
    },
  );
});
