import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataLakeArgs } from '../src/validation';

/**
 * The `@default` of every argument is written once, in its doc comment in src/data-lake-args.ts (which the README
 * table repeats). These tests read the comments and check them against what the lake applies, so the
 * documentation cannot drift from the code.
 */
const SOURCE = readFileSync(join(__dirname, '../src/data-lake-args.ts'), 'utf8');

/** `property -> '@default text'` of one interface's doc comments; properties without a doc comment map to ''. */
function documentedDefaults(interfaceName: string): Record<string, string> {
  const start = SOURCE.indexOf(`export interface ${interfaceName} {`);
  const body = SOURCE.slice(start, SOURCE.indexOf('\n}', start));
  const result: Record<string, string> = {};
  for (const match of body.matchAll(/(?:\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*)?\n\s+(\w+)\?:/g)) {
    const tag = /@default ([^\n]*)/.exec(match[1] ?? '');
    result[match[2]!] = tag ? tag[1]!.replace(/\s*\*\s*$/, '').trim() : '';
  }
  return result;
}

/** The literal a `@default` text starts with: `'kms'`, `30`, `true`, `{}`. */
function literal(text: string): unknown {
  const quoted = /^'([^']*)'/.exec(text);
  if (quoted) return quoted[1];
  const word = /^(true|false|\{\}|\d+)/.exec(text);
  if (!word) throw new Error(`@default "${text}" does not start with a literal`);
  return word[1] === '{}' ? {} : JSON.parse(word[1]!);
}

describe('DataLakeArgs doc comments', () => {
  const documented = documentedDefaults('DataLakeArgs');

  it('state a @default for every argument', () => {
    expect(Object.keys(documented).length).toBeGreaterThanOrEqual(14);
    for (const [argument, text] of Object.entries(documented)) expect(text, argument).not.toBe('');
  });

  it('state the default the lake applies, for every argument with a literal default', () => {
    const resolved = resolveDataLakeArgs('lake', {}, 'dev') as unknown as Record<string, unknown>;
    const described = ['kmsKeyArn', 'lifecycle', 'disposableData'];
    for (const [argument, text] of Object.entries(documented)) {
      if (described.includes(argument)) continue;
      expect(resolved[argument], `${argument}: @default ${text}`).toEqual(literal(text));
    }
    expect(documented.kmsKeyArn).toMatch(/^undefined \(the lake creates its own key\)/);
    expect(resolved.kmsKeyArn).toBeUndefined();
    expect(documented.lifecycle).toMatch(/^defaultLifecycle\(\)/);
    expect(documented.disposableData).toMatch(/^undefined \(data is protected\)/);
  });
});
