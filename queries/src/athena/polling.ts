/**
 * When to ask Athena about a running query. The wait grows with the time already spent, so a short query is
 * noticed within a few hundred milliseconds and a long one costs few GetQueryExecution calls:
 *   wait = clamp(growth * elapsed, minDelayMs, maxDelayMs), the first status call after firstDelayMs.
 * Defaults: 100 ms first, then 22% of the elapsed time, between 300 ms and 20 s. A poll-every-10%-of-elapsed
 * schedule would bound the delay to 10% of any query's time but needs ~50 calls for a 120 s query; this
 * one needs 28 and, for the benchmark's 0.5/5/30/120 s queries, stays within max(10%, 300 ms). The benchmark
 * (`pnpm bench:queries`) prints both figures and the worst case over a sweep of query times.
 */
export interface PollingOptions {
  /** Wait before the first status call. Default: 100 ms. */
  readonly firstDelayMs?: number;
  /** Share of the elapsed time to wait before the next call. Default: 0.22. */
  readonly growth?: number;
  /** Shortest wait between two calls. Default: 300 ms. */
  readonly minDelayMs?: number;
  /** Longest wait between two calls. Default: 20,000 ms. */
  readonly maxDelayMs?: number;
}

export const DEFAULT_POLLING: Required<PollingOptions> = {
  firstDelayMs: 100,
  growth: 0.22,
  minDelayMs: 300,
  maxDelayMs: 20_000,
};

export function pollingOptions(options: PollingOptions = {}): Required<PollingOptions> {
  const merged = { ...DEFAULT_POLLING, ...stripUndefined(options) };
  for (const [key, value] of Object.entries(merged)) {
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`polling option ${key} must be a finite number >= 0, got ${value}`);
  }
  if (merged.minDelayMs > merged.maxDelayMs)
    throw new Error('polling option minDelayMs must not exceed maxDelayMs');
  return merged;
}

/** Milliseconds to wait before the next status call, `elapsedMs` after the query was started. */
export function nextPollDelay(elapsedMs: number, options: Required<PollingOptions>): number {
  if (elapsedMs <= 0) return options.firstDelayMs;
  return Math.min(options.maxDelayMs, Math.max(options.minDelayMs, options.growth * elapsedMs));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
