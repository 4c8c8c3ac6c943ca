import { readFile } from 'node:fs/promises';
import { parseEtlSql, renderEtlSql } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { ETL_SQL_PATH, loadEtlSql } from '../../src/local/etl-sql-file';

describe('loadEtlSql', () => {
  it('reads the shipped etl/sql/etl.sql, which is the contract rendered', async () => {
    expect(ETL_SQL_PATH).toMatch(/etl[/\\]sql[/\\]etl\.sql$/);
    const text = await readFile(ETL_SQL_PATH, 'utf8');
    expect(text).toBe(renderEtlSql());
    expect(await loadEtlSql()).toEqual(parseEtlSql(text));
  });
});
