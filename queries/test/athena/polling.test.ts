import { describe, expect, it } from 'vitest';
import { DEFAULT_POLLING, nextPollDelay, pollingOptions } from '../../src/athena/polling';

describe('polling schedule', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_POLLING).toEqual({ firstDelayMs: 100, growth: 0.22, minDelayMs: 300, maxDelayMs: 20_000 });
    expect(pollingOptions()).toEqual(DEFAULT_POLLING);
    expect(pollingOptions({ growth: undefined, minDelayMs: 200 })).toEqual({
      ...DEFAULT_POLLING,
      minDelayMs: 200,
    });
  });

  it('waits 100 ms first, 300 ms while young, then 22% of the elapsed time up to 20 s', () => {
    const o = pollingOptions();
    expect(nextPollDelay(0, o)).toBe(100);
    expect(nextPollDelay(100, o)).toBe(300);
    expect(nextPollDelay(10_000, o)).toBe(2200);
    expect(nextPollDelay(60_000, o)).toBeCloseTo(13_200);
    expect(nextPollDelay(600_000, o)).toBe(20_000);
  });

  it('makes few calls for a long query: 28 for 120 s', () => {
    const o = pollingOptions();
    let t = 0;
    let calls = 0;
    while (t < 120_000) {
      t += nextPollDelay(t, o);
      calls++;
    }
    expect(calls).toBe(28);
  });

  it('refuses nonsense options', () => {
    expect(() => pollingOptions({ growth: -1 })).toThrow(
      'polling option growth must be a finite number >= 0, got -1',
    );
    expect(() => pollingOptions({ minDelayMs: 5000, maxDelayMs: 1000 })).toThrow(
      /minDelayMs must not exceed maxDelayMs/,
    );
  });
});
