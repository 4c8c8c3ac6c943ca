import { describe, expect, it } from 'vitest';
import {
  LAKE_FORMAT,
  LakeManifestError,
  parseLakeManifest,
  RUN_ID_PATTERN,
  runPartFile,
  runStagingFolder,
} from '../../src/local-lake/lake-format';

const RUN = '2026-12-05T03-10-00-123Z-a1b2c3';
const manifest = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    lake: LAKE_FORMAT,
    runId: RUN,
    files: {
      staging: [`staging/albums/${RUN}/albums.csv`],
      warehouse: [runPartFile('warehouse', RUN)],
      quarantine: [runPartFile('quarantine', RUN)],
    },
    ...over,
  });

describe('lake file names', () => {
  it('put the run id in every data file name', () => {
    expect(runPartFile('warehouse', RUN)).toBe(`datawarehouse/part-00000-${RUN}.parquet`);
    expect(runPartFile('quarantine', RUN, 3)).toBe(`quarantine/part-00003-${RUN}.parquet`);
    expect(runStagingFolder('albums', RUN)).toBe(`staging/albums/${RUN}/`);
    expect(RUN_ID_PATTERN.test(RUN)).toBe(true);
    expect(RUN_ID_PATTERN.test('../x')).toBe(false);
  });
});

describe('parseLakeManifest', () => {
  it("reads the tool's manifest", () => {
    expect(parseLakeManifest(manifest())?.files.warehouse).toEqual([
      `datawarehouse/part-00000-${RUN}.parquet`,
    ]);
  });

  it('returns undefined for a manifest.json the tool did not write', () => {
    expect(parseLakeManifest('{"name": "my-web-app", "version": "1.0.0"}')).toBeUndefined();
    expect(parseLakeManifest('{"lake": {"tool": "other"}}')).toBeUndefined();
    expect(parseLakeManifest('[1, 2]')).toBeUndefined();
  });

  it('throws, naming the file, for a broken or foreign-version manifest of the tool', () => {
    expect(() => parseLakeManifest('{', '/l/manifest.json')).toThrow(LakeManifestError);
    expect(() => parseLakeManifest('{', '/l/manifest.json')).toThrow(
      /^\/l\/manifest.json: is not valid JSON/,
    );
    expect(() => parseLakeManifest(manifest({ lake: { tool: 'spotify-lake', version: 3 } }))).toThrow(
      'is a spotify-lake manifest of format 3; this version reads format 2',
    );
    expect(() => parseLakeManifest(manifest({ runId: 'x' }))).toThrow('has no valid runId (got "x")');
  });

  it.each(['/etc/passwd', '../outside.parquet', 'a/../../b', 'a//b', 'a\\b'])(
    'refuses a file path that leaves the lake: %s',
    (path) => {
      expect(() =>
        parseLakeManifest(manifest({ files: { staging: [], warehouse: [path], quarantine: [] } })),
      ).toThrow('files.warehouse must be a list of paths inside the lake');
    },
  );
});
