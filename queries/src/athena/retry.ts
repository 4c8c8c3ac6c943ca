import type { Clock } from '../runner/clock';

/**
 * Retries of Athena API calls that were throttled (or hit a transient server error). Athena's API limits are
 * low (a few calls per second per account for some actions), so a busy service sees `ThrottlingException`
 * and `TooManyRequestsException` in normal operation.
 */
export interface RetryOptions {
  /** Attempts in all, the first included. Default: 8. */
  readonly maxAttempts?: number;
  /** Wait before the first retry; doubles each time. Default: 200 ms. */
  readonly baseDelayMs?: number;
  /** Longest wait between attempts. Default: 10,000 ms. */
  readonly maxDelayMs?: number;
  /** Random source for the jitter, in [0, 1). Default: Math.random. */
  readonly random?: () => number;
}

const RETRYABLE_NAMES = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'InternalServerException',
  'ServiceUnavailableException',
]);

export function isRetryable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: string;
    $retryable?: { throttling?: boolean };
    $metadata?: { httpStatusCode?: number };
  };
  if (e.name && RETRYABLE_NAMES.has(e.name)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  return status === 429 || status === 503;
}

export async function withRetry<T>(
  call: () => Promise<T>,
  clock: Clock,
  options: RetryOptions = {},
  signal?: AbortSignal,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 8;
  const base = options.baseDelayMs ?? 200;
  const max = options.maxDelayMs ?? 10_000;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= maxAttempts || !isRetryable(error)) throw error;
      // "Equal jitter": at least half the exponential delay, so retries never bunch up at zero.
      const exponential = Math.min(max, base * 2 ** (attempt - 1));
      const delay = exponential / 2 + random() * (exponential / 2);
      onRetry?.(error, attempt, delay);
      await clock.sleep(delay, signal);
    }
  }
}
