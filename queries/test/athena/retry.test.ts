import { describe, expect, it } from 'vitest';
import { isRetryable, withRetry } from '../../src/athena/retry';
import { virtualClock } from '../../src/runner/clock';
import { invalidRequest, throttled, throttlingException } from './athena-fakes';

describe('withRetry', () => {
  it('recognises throttling and transient errors only', () => {
    expect(isRetryable(throttled())).toBe(true);
    expect(isRetryable(throttlingException())).toBe(true);
    expect(isRetryable({ name: 'X', $metadata: { httpStatusCode: 503 } })).toBe(true);
    expect(isRetryable(invalidRequest('bad'))).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
    expect(isRetryable(null)).toBe(false);
  });

  it('backs off exponentially with jitter, capped', async () => {
    const clock = virtualClock();
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 6) throw throttled();
        return 'ok';
      },
      clock,
      { baseDelayMs: 1000, maxDelayMs: 4000, random: () => 1 },
    );
    expect(result).toBe('ok');
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 4000, 4000]);
  });

  it('stops waiting when the signal aborts', async () => {
    const clock = virtualClock();
    const controller = new AbortController();
    const pending = withRetry(
      async () => {
        controller.abort(new Error('stop'));
        throw throttled();
      },
      clock,
      {},
      controller.signal,
    );
    await expect(pending).rejects.toThrow('stop');
  });
});
