import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckDbFileLiteral, UnreadablePathError } from '../../src/local-lake/duckdb-path';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'duckdb-path-'));
  // Each folder holds a file whose one value says which folder it is in.
  for (const name of ['lake[1]', 'lake1', 'lake*', 'lakeX', "it's", 'q?', 'qa']) {
    await mkdir(join(root, name));
    await writeFile(join(root, name, 'part.csv'), `folder\n${name}\n`);
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function read(path: string): Promise<unknown[]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT folder FROM read_csv(${duckDbFileLiteral(path)}, header = true, all_varchar = true) ORDER BY folder`,
    );
    return reader.getRowObjectsJson().map((r) => r.folder);
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

describe('duckDbFileLiteral', () => {
  it.each(['lake[1]', 'lake*', "it's", 'q?'])(
    'reads the one file at a path with %s in it, nothing else',
    async (name) => {
      expect(await read(join(root, name, 'part.csv'))).toEqual([name]);
    },
  );

  it('refuses a path with a backslash and a glob character, naming it, rather than read another file', () => {
    expect(() => duckDbFileLiteral('/l/bs\\x?/a.csv')).toThrow(UnreadablePathError);
    expect(() => duckDbFileLiteral('/l/bs\\x?/a.csv')).toThrow(
      '/l/bs\\x?/a.csv: DuckDB cannot read a path that holds both a backslash and one of [ ] * ? literally',
    );
    expect(duckDbFileLiteral('/l/bs\\x/a.csv')).toBe("'/l/bs\\x/a.csv'");
  });

  it('quotes the literal for SQL', () => {
    expect(duckDbFileLiteral("/a/it's[x]*?.csv")).toBe("'/a/it''s[[]x[]][*][?].csv'");
  });
});
