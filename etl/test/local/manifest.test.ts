import { LAKE_FORMAT } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { assertManifestInvariants, type EtlManifest, zeroReasonCounts } from '../../src/local/manifest';

function manifest(): EtlManifest {
  const source = (rows: number, accepted: number, reason: 'bad_value' | 'unknown_track') => ({
    rows,
    accepted,
    quarantined: rows - accepted,
    byReason: { ...zeroReasonCounts(), [reason]: rows - accepted },
    ignoredColumns: [],
    inputFiles: [],
    stagedFiles: [],
  });
  return {
    lake: LAKE_FORMAT,
    runId: 'r',
    engine: 'duckdb',
    files: { staging: [], warehouse: [], quarantine: [] },
    startedAt: '',
    finishedAt: '',
    inputDir: '',
    lakeDir: '',
    etlSql: { file: '', sha256: '', statements: 10 },
    settings: { threads: 2, memoryLimit: '1GB' },
    sources: {
      albums: source(10, 8, 'unknown_track'),
      artists: source(5, 4, 'bad_value'),
      tracks: source(7, 7, 'bad_value'),
    },
    warehouse: { rows: 8, files: [], bytes: 0 },
    quarantine: {
      rows: 3,
      files: [],
      bytes: 0,
      bySource: { albums: 2, artists: 1, tracks: 0 },
      byReason: { ...zeroReasonCounts(), bad_value: 1, unknown_track: 2 },
    },
    dataQuality: { results: [], failed: [], failureMode: 'fail', verdict: 'pass' },
    timings: { totalMs: 0, steps: [] },
  };
}
const raw = { albums: 10, artists: 5, tracks: 7 };

describe('assertManifestInvariants', () => {
  it('accepts counts that add up', () => {
    expect(() => assertManifestInvariants(manifest(), raw)).not.toThrow();
  });

  it('throws when rows read differ from the raw views', () => {
    expect(() => assertManifestInvariants(manifest(), { ...raw, tracks: 8 })).toThrow(
      'tracks: 8 rows read but 7 counted',
    );
  });

  it('throws when rows != accepted + quarantined, or the reasons do not sum up', () => {
    const m = manifest();
    const broken = { ...m, sources: { ...m.sources, artists: { ...m.sources.artists, accepted: 3 } } };
    expect(() => assertManifestInvariants(broken, raw)).toThrow(
      'artists: rows 5 != accepted 3 + quarantined 1',
    );
    const reasons = { ...m, quarantine: { ...m.quarantine, byReason: zeroReasonCounts() } };
    expect(() => assertManifestInvariants(reasons, raw)).toThrow('quarantine rows != sum by reason');
  });

  it('throws when the warehouse does not hold exactly the accepted albums', () => {
    const m = manifest();
    expect(() => assertManifestInvariants({ ...m, warehouse: { ...m.warehouse, rows: 9 } }, raw)).toThrow(
      /a bug, not bad input.*warehouse rows 9 != accepted albums 8/,
    );
  });

  it('throws when the quarantine table disagrees with a source', () => {
    const m = manifest();
    const q = { ...m, quarantine: { ...m.quarantine, bySource: { albums: 3, artists: 0, tracks: 0 } } };
    expect(() => assertManifestInvariants(q, raw)).toThrow('albums: quarantine table holds 3 rows, not 2');
  });
});
