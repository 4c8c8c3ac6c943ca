import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LakeCatalogArgs } from '../src/lake-catalog-args';
import { resolveLakeCatalogArgs } from '../src/validation';

/**
 * The `@default` of every argument is written once, in the doc comment of src/lake-catalog-args.ts. These tests read
 * those comments and check that each literal default is what the component actually applies, so the documentation
 * cannot drift from the code.
 */
const SOURCE = readFileSync(join(__dirname, '../src/lake-catalog-args.ts'), 'utf8');

/** `{ interface: { property: '@default text' } }` from the doc comments. */
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

/** The leading literal of a `@default` text (`'x'`, `false`, `[...]`, `{...}`, `undefined`), or a marker when descriptive. */
function literal(text: string): unknown {
  const word = /^(true|false|undefined)\b/.exec(text);
  if (word)
    return { true: true, false: false, undefined: undefined }[word[1] as 'true' | 'false' | 'undefined'];
  if (text.startsWith("'")) return text.slice(1, text.indexOf("'", 1));
  const open = text[0];
  if (open === '[' || open === '{') {
    const close = open === '[' ? ']' : '}';
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === open) depth++;
      if (text[i] === close && --depth === 0) {
        return JSON.parse(
          text
            .slice(0, i + 1)
            .replace(/'/g, '"')
            .replace(/(\w+):/g, '"$1":'),
        );
      }
    }
  }
  return DESCRIBED;
}
const DESCRIBED = Symbol('described in words');

const lake = {
  dataBucketName: 'd',
  dataBucketArn: 'arn:aws:s3:::d',
  resultsBucketName: 'r',
  resultsBucketArn: 'arn:aws:s3:::r',
};
const resolve = (over: Partial<LakeCatalogArgs> = {}) =>
  resolveLakeCatalogArgs('cat', { lake, bytesScannedCutoffPerQuery: 1e9, ...over }, 'dev');

describe('documented defaults', () => {
  const docs = documentedDefaults();

  it('documents a default for every optional argument', () => {
    const optional = (name: string) =>
      [
        ...SOURCE.split(/^export interface /m)
          .find((b) => b.startsWith(name))!
          .matchAll(/^\s{2}(\w+)\?:/gm),
      ].map((m) => m[1]);
    expect(Object.keys(docs.LakeCatalogArgs!).sort()).toEqual(optional('LakeCatalogArgs ').sort());
    expect(Object.keys(docs.LakeCatalogCrawlerArgs!).sort()).toEqual(
      optional('LakeCatalogCrawlerArgs ').sort(),
    );
  });

  it('applies the documented literal defaults of the component', () => {
    const resolved = resolve() as unknown as Record<string, unknown>;
    const checked: string[] = [];
    for (const [arg, text] of Object.entries(docs.LakeCatalogArgs!)) {
      const value = literal(text);
      if (value === DESCRIBED || ['crawler', 'tags', 'transform'].includes(arg)) continue;
      expect(resolved[arg], arg).toEqual(value);
      checked.push(arg);
    }
    expect(checked.sort()).toEqual([
      'databaseDescription',
      'forceDestroyWorkgroup',
      'namedQueries',
      'resultsPrefix',
    ]);
    expect(literal(docs.LakeCatalogArgs!.crawler!)).toEqual({ enabled: false });
    expect(resolve().crawler).toBeUndefined();
  });

  it('applies the documented literal defaults of the crawler', () => {
    expect(literal(docs.LakeCatalogCrawlerArgs!.enabled!)).toBe(false);
    expect(resolve({ crawler: {} }).crawler).toBeUndefined();
    const crawler = resolve({ crawler: { enabled: true } }).crawler as unknown as Record<string, unknown>;
    for (const [arg, text] of Object.entries(docs.LakeCatalogCrawlerArgs!)) {
      if (arg === 'enabled') continue;
      const value = literal(text);
      expect(value, arg).not.toBe(DESCRIBED);
      expect(crawler[arg], arg).toEqual(value);
    }
  });
});
