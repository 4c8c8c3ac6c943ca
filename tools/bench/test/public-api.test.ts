import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = resolve(__dirname, '..');
/** The entry points the benchmarks may use: what the packages export to any other user. */
const ENTRY_POINTS = [
  '@spotify-lake/contract',
  '@spotify-lake/etl',
  '@spotify-lake/queries',
  '@spotify-lake/queries/local',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const specifiers = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'|\brequire\('([^']+)'\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );

describe('the benchmarks use public APIs only', () => {
  const files = ['src', 'test'].flatMap((dir) => sourceFiles(join(PACKAGE_DIR, dir)));

  it('import the workspace packages through their entry points, never their src/ or dist/', () => {
    const deep = files.flatMap((file) =>
      specifiers(file)
        .filter((s) => s.startsWith('@spotify-lake/') && !ENTRY_POINTS.includes(s))
        .map((s) => `${relative(PACKAGE_DIR, file)}: ${s}`),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(deep).toEqual([]);
  });

  it('import no file outside this package', () => {
    const outside = files.flatMap((file) =>
      specifiers(file)
        .filter((s) => s.startsWith('.') && relative(PACKAGE_DIR, resolve(file, '..', s)).startsWith('..'))
        .map((s) => `${relative(PACKAGE_DIR, file)}: ${s}`),
    );
    expect(outside).toEqual([]);
  });
});
