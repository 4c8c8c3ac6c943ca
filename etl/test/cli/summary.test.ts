import { LAKE_FORMAT, QUARANTINE_REASONS } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDataQuality, formatSummary } from '../../src/cli/summary';
import type { EtlManifest } from '../../src/local';

const zero = Object.fromEntries(
  QUARANTINE_REASONS.map((r) => [r, 0]),
) as EtlManifest['quarantine']['byReason'];
const source = (rows: number, accepted: number, ignoredColumns: string[] = []) => ({
  rows,
  accepted,
  quarantined: rows - accepted,
  byReason: zero,
  ignoredColumns,
  inputFiles: [],
  stagedFiles: [],
});
const manifest: EtlManifest = {
  lake: LAKE_FORMAT,
  runId: 'r',
  engine: 'duckdb',
  files: { staging: [], warehouse: [], quarantine: [] },
  startedAt: '',
  finishedAt: '',
  inputDir: '/work/in',
  lakeDir: '/work/.lake',
  etlSql: { file: '', sha256: '', statements: 10 },
  settings: { threads: 2, memoryLimit: '1GB' },
  sources: {
    albums: source(20_000, 19_559, ['extra_note']),
    artists: source(1_693, 1_673),
    tracks: source(19_698, 19_465),
  },
  warehouse: { rows: 19_559, files: ['datawarehouse/part-00000.parquet'], bytes: 952_100 },
  quarantine: {
    rows: 694,
    files: [],
    bytes: 42_500,
    bySource: { albums: 441, artists: 20, tracks: 233 },
    byReason: { ...zero, bad_value: 694 },
  },
  dataQuality: {
    results: [
      {
        rule: 'row_count',
        dqdl: 'RowCount > 0',
        description: 'The warehouse is not empty.',
        outcome: 'passed',
        observed: 19_559,
        observedMeaning: 'rows',
      },
    ],
    failed: [],
    failureMode: 'fail',
    verdict: 'pass',
  },
  timings: { totalMs: 1234, steps: [] },
};

describe('formatSummary', () => {
  it('prints counts per source, reasons, ignored columns, outputs and time, paths relative to cwd', () => {
    expect(formatSummary(manifest, '/work')).toBe(
      [
        'Input: in',
        '',
        'source     rows  accepted  quarantined',
        'albums   20,000    19,559          441',
        'artists   1,693     1,673           20',
        'tracks   19,698    19,465          233',
        '',
        'Quarantined by reason: malformed_row 0, bad_value 694, duplicate_row 0, duplicate_key 0, unknown_artist 0, unknown_track 0',
        'Ignored columns (not in the contract): albums: extra_note',
        '',
        'Warehouse:  19,559 rows, 952.1 kB -> .lake/datawarehouse/',
        'Quarantine: 694 rows, 42.5 kB -> .lake/quarantine/',
        'Staging:    .lake/staging/',
        'Manifest:   .lake/manifest.json',
        'Quality:    1 of 1 data-quality rules passed',
        'Time:       1.23 s',
      ].join('\n'),
    );
  });

  it('shows absolute paths outside cwd, and a given input description', () => {
    const text = formatSummary(manifest, '/elsewhere', 'generated sample');
    expect(text).toContain('Input: generated sample');
    expect(text).toMatch(/-> \/work\/\.lake\/datawarehouse\/$/m);
    expect(text).toMatch(/^Staging: {4}\/work\/\.lake\/staging\/$/m);
  });
});

describe('formatDataQuality', () => {
  it('names each failed rule with what was observed, and whether the run was published', () => {
    const failed = {
      ...manifest.dataQuality,
      results: [
        ...manifest.dataQuality.results,
        {
          rule: 'followers_min',
          dqdl: 'ColumnValues "followers" >= 0',
          description: '',
          outcome: 'failed' as const,
          observed: -3,
          observedMeaning: 'smallest value',
        },
      ],
      failed: ['followers_min'],
      failureMode: 'warn' as const,
      verdict: 'warn' as const,
    };
    expect(formatDataQuality(failed)).toBe(
      '1 of 2 data-quality rules FAILED (warn: published anyway): ColumnValues "followers" >= 0 (smallest value: -3)',
    );
  });
});

describe('number formats', () => {
  it('formats counts and bytes', () => {
    expect(formatCount(4_389_380)).toBe('4,389,380');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_500)).toBe('1.5 kB');
    expect(formatBytes(2_300_000_000)).toBe('2.3 GB');
  });
});
