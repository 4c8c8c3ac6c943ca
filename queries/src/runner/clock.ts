/** Time as the runners see it, injectable so that polling and retries can be tested and benchmarked instantly. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason as soon as the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

/**
 * A clock whose sleeps return at once and move time forward: a 120 s simulated query polls in milliseconds.
 * `sleeps` records every requested delay.
 */
export interface VirtualClock extends Clock {
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function virtualClock(start = 0): VirtualClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw abortReason(signal);
      sleeps.push(ms);
      now += ms;
      // Yield to the event loop so an abort scheduled "during" the sleep is seen by the caller.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw abortReason(signal);
    },
  };
}
