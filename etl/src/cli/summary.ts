import { join, relative } from 'node:path';
import {
  type DataQualityReport,
  LAKE_ZONES,
  MANIFEST_FILE,
  QUARANTINE_REASONS,
  SOURCE_NAMES,
} from '@spotify-lake/contract';
import type { EtlManifest } from '../local';

export const formatCount = (n: number): string => n.toLocaleString('en-US');

export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export const formatSeconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Paths are shown relative to where the user ran the command when that is shorter. */
function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The short report `pnpm start` prints: counts per source, quarantine reasons, outputs, time.
 * `input` describes the input when its folder is not worth showing (a generated sample, since removed).
 */
export function formatSummary(manifest: EtlManifest, cwd: string, input?: string): string {
  const lines: string[] = [];
  lines.push(`Input: ${input ?? display(manifest.inputDir, cwd)}`);
  lines.push('');
  lines.push(
    ...table([
      ['source', 'rows', 'accepted', 'quarantined'],
      ...SOURCE_NAMES.map((s) => {
        const source = manifest.sources[s];
        return [s, formatCount(source.rows), formatCount(source.accepted), formatCount(source.quarantined)];
      }),
    ]),
  );
  lines.push('');
  const reasons = QUARANTINE_REASONS.map((r) => `${r} ${formatCount(manifest.quarantine.byReason[r])}`);
  lines.push(`Quarantined by reason: ${reasons.join(', ')}`);
  const ignored = SOURCE_NAMES.filter((s) => manifest.sources[s].ignoredColumns.length > 0).map(
    (s) => `${s}: ${manifest.sources[s].ignoredColumns.join(', ')}`,
  );
  if (ignored.length > 0) lines.push(`Ignored columns (not in the contract): ${ignored.join('; ')}`);
  lines.push('');
  // Zone paths keep their trailing slash: they are folders.
  const lake = (p: string) =>
    `${display(join(manifest.lakeDir, p), cwd).replace(/\/$/, '')}${p.endsWith('/') ? '/' : ''}`;
  lines.push(
    `Warehouse:  ${formatCount(manifest.warehouse.rows)} rows, ${formatBytes(manifest.warehouse.bytes)} -> ${lake(LAKE_ZONES.warehouse)}`,
  );
  lines.push(
    `Quarantine: ${formatCount(manifest.quarantine.rows)} rows, ${formatBytes(manifest.quarantine.bytes)} -> ${lake(LAKE_ZONES.quarantine)}`,
  );
  lines.push(`Staging:    ${lake(LAKE_ZONES.staging)}`);
  lines.push(`Manifest:   ${lake(MANIFEST_FILE)}`);
  lines.push(`Quality:    ${formatDataQuality(manifest.dataQuality)}`);
  lines.push(`Time:       ${formatSeconds(manifest.timings.totalMs)}`);
  return lines.join('\n');
}

/** One line: how many data-quality rules passed, and each failed one with what was observed. */
export function formatDataQuality(report: DataQualityReport): string {
  const total = report.results.length;
  if (report.failed.length === 0) return `${total} of ${total} data-quality rules passed`;
  const failed = report.results
    .filter((r) => r.outcome === 'failed')
    .map((r) => `${r.dqdl} (${r.observedMeaning}: ${r.observed ?? 'none'})`);
  return `${report.failed.length} of ${total} data-quality rules FAILED (${report.failureMode === 'warn' ? 'warn: published anyway' : 'run failed'}): ${failed.join('; ')}`;
}
