import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAKE_ZONES } from '@spotify-lake/contract';
import { glueJobAssets } from '@spotify-lake/etl/glue-job';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, GLUE_ETL_JOB_DEFAULTS, ON_UPLOAD_DEFAULTS, resolveGlueEtlJobArgs } from '../src';

/**
 * The `@default` of every argument is written once, in its doc comment in src/glue-etl-job-args.ts (the README
 * repeats them). These tests read the comments and check that each is what the component applies.
 */
const SOURCE = readFileSync(join(__dirname, '../src/glue-etl-job-args.ts'), 'utf8');

function documentedDefaults(): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  for (const block of SOURCE.split(/^export interface /m).slice(1)) {
    const name = block.slice(0, block.indexOf(' '));
    result[name] = {};
    for (const match of block.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(\w+)\??:/g)) {
      const tag = /@default (.*)/.exec(match[1]!);
      if (tag) result[name][match[2]!] = tag[1]!.trim();
    }
  }
  return result;
}

/** The literal a `@default` starts with. */
function literal(text: string): unknown {
  if (text.startsWith("'")) return text.slice(1, text.indexOf("'", 1));
  const word = /^(true|false|\d+|\[\]|\{\})/.exec(text);
  if (word) return JSON.parse(word[1]!);
  const object = /^\{ (\w+): (true|false) \}/.exec(text);
  if (object) return { [object[1]!]: object[2] === 'true' };
  return Symbol.for('described');
}

const base = {
  lake: { dataBucketName: 'd', dataBucketArn: 'arn:aws:s3:::d' },
  catalog: { databaseName: 'db' },
  code: glueJobAssets(),
};

describe('documented defaults', () => {
  const docs = documentedDefaults();

  it('are stated for every optional argument of the component and the on-upload trigger', () => {
    const optional = (name: string) =>
      [
        ...SOURCE.split(/^export interface /m)
          .find((b) => b.startsWith(`${name} `))!
          .matchAll(/^\s{2}(\w+)\?:/gm),
      ].map((m) => m[1]);
    expect(Object.keys(docs.GlueEtlJobArgs!).sort()).toEqual(optional('GlueEtlJobArgs').sort());
    expect(Object.keys(docs.GlueEtlOnUploadArgs!).sort()).toEqual(optional('GlueEtlOnUploadArgs').sort());
  });

  it('are the ones the component applies', () => {
    const resolved = resolveGlueEtlJobArgs('etl', base) as unknown as Record<string, unknown>;
    const documented = docs.GlueEtlJobArgs!;
    for (const key of Object.keys(GLUE_ETL_JOB_DEFAULTS)) {
      expect(resolved[key], key).toEqual(literal(documented[key]!));
      expect(literal(documented[key]!), key).toEqual(
        GLUE_ETL_JOB_DEFAULTS[key as keyof typeof GLUE_ETL_JOB_DEFAULTS],
      );
    }
    expect(documented.schedule).toContain('(DEFAULT_SCHEDULE)');
    expect(resolved.schedule).toBe(DEFAULT_SCHEDULE);
    expect(literal(documented.onUpload!)).toEqual({ enabled: false });
    expect(resolved.onUpload).toBeUndefined();
    expect([literal(documented.tags!), resolved.tags]).toEqual([{}, {}]);
    expect([literal(documented.transform!), resolved.transform]).toEqual([{}, {}]);
  });

  it('of the on-upload trigger are the ones applied when it is enabled', () => {
    const documented = docs.GlueEtlOnUploadArgs!;
    const resolved = resolveGlueEtlJobArgs('etl', { ...base, onUpload: { enabled: true } })
      .onUpload as unknown as Record<string, unknown>;
    expect(literal(documented.enabled!)).toBe(ON_UPLOAD_DEFAULTS.enabled);
    for (const key of ['batchSize', 'batchWindowSeconds']) {
      expect(resolved[key], key).toBe(literal(documented[key]!));
    }
  });

  it("of the lake and catalog references are the contract's zones and warehouse table", () => {
    const resolved = resolveGlueEtlJobArgs('etl', base);
    expect(docs.GlueEtlLakeRef!.zones).toBe('LAKE_ZONES of `@spotify-lake/contract`');
    expect(resolved.zones).toEqual(LAKE_ZONES);
    expect(literal(docs.GlueEtlCatalogRef!.warehouseTableName!)).toBe(resolved.warehouseTableName);
  });
});
