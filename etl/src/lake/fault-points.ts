import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Named points in the lake protocol where a test can make the process die (SIGKILL, as a crash or a power cut
 * would), fail with a file-system error, or wait, to prove that every such point leaves one complete lake behind
 * and that two runs never hold a lake at once. Inert unless the environment asks:
 * - `SPOTIFY_LAKE_CRASH_AT=<point>` kills the process when it reaches the point;
 * - `SPOTIFY_LAKE_FAIL_AT=<point>:<code>` throws an error with that code (e.g. ENOSPC) there;
 * - `SPOTIFY_LAKE_PAUSE_AT=<point>:<folder>` writes `<folder>/paused-<pid>` there and waits until
 *   `<folder>/resume` exists.
 */
export const FAULT_POINTS = [
  'after-lock',
  'after-journal',
  'after-stage',
  'after-write:quarantine',
  'after-write:datawarehouse',
  'after-manifest-temp',
  'after-commit',
  'during-cleanup',
  'after-cleanup',
] as const;
/** Points in what runs after the commit (files derived from the lake, such as the dashboard page). */
export const DERIVED_FILE_FAULT_POINTS = ['after-derived-file-temp'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number] | (typeof DERIVED_FILE_FAULT_POINTS)[number];

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function faultPoint(point: FaultPoint): void {
  const env = process.env;
  if (env.SPOTIFY_LAKE_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
  const pause = env.SPOTIFY_LAKE_PAUSE_AT;
  if (pause?.startsWith(`${point}:`)) {
    const folder = pause.slice(point.length + 1);
    writeFileSync(join(folder, `paused-${process.pid}`), '');
    // Blocks the process on purpose: a paused run must hold everything it holds, as a slow run would.
    while (!existsSync(join(folder, 'resume'))) sleep(20);
  }
  const fail = env.SPOTIFY_LAKE_FAIL_AT;
  if (fail?.startsWith(`${point}:`)) {
    const code = fail.slice(point.length + 1);
    throw Object.assign(new Error(`${code}: injected at ${point}`), { code });
  }
}
