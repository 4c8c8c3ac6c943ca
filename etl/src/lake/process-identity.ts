import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who a process is, beyond its pid: pids are reused, so a lock or a temporary folder left by a process that died
 * must not be taken for the work of whatever process got its pid later. On Linux, the boot id and the process's
 * start time (in clock ticks since boot) tell them apart; elsewhere only the pid and the host are known.
 */
export interface ProcessIdentity {
  readonly pid: number;
  readonly host: string;
  /** `/proc/sys/kernel/random/boot_id`; undefined where there is no /proc. */
  readonly bootId: string | undefined;
  /** Field 22 of `/proc/<pid>/stat`; undefined where there is no /proc. */
  readonly startTicks: number | undefined;
}

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** The start time of a process in clock ticks since boot, from `/proc/<pid>/stat`; undefined when unknown. */
export function processStartTicks(pid: number): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  // The command name (field 2) is in parentheses and may hold spaces or parentheses: fields follow the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return Number.isSafeInteger(ticks) ? ticks : undefined;
}

export function currentProcess(): ProcessIdentity {
  return {
    pid: process.pid,
    host: hostname(),
    bootId: readText('/proc/sys/kernel/random/boot_id')?.trim(),
    startTicks: processStartTicks(process.pid),
  };
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * Whether the process that recorded `identity` still runs: `alive`, `dead`, or `unknown` for a process on another
 * host, which this one cannot see.
 */
export function processState(identity: ProcessIdentity): 'alive' | 'dead' | 'unknown' {
  const self = currentProcess();
  if (identity.host !== self.host) return 'unknown';
  if (identity.bootId !== undefined && self.bootId !== undefined && identity.bootId !== self.bootId)
    return 'dead';
  if (!Number.isInteger(identity.pid) || identity.pid <= 0 || !pidExists(identity.pid)) return 'dead';
  if (identity.startTicks !== undefined) {
    const now = processStartTicks(identity.pid);
    if (now !== undefined && now !== identity.startTicks) return 'dead';
  }
  return 'alive';
}

/** Reads an identity from parsed JSON; undefined when the value is not one. */
export function asProcessIdentity(value: unknown): ProcessIdentity | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.pid !== 'number' || typeof v.host !== 'string') return undefined;
  return {
    pid: v.pid,
    host: v.host,
    bootId: typeof v.bootId === 'string' ? v.bootId : undefined,
    startTicks: typeof v.startTicks === 'number' ? v.startTicks : undefined,
  };
}
