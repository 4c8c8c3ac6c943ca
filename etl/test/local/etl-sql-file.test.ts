import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseEtlSql, renderEtlSql } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { ETL_SQL_PATH, readEtlSql } from '../../src/local/etl-sql-file';

describe('readEtlSql', () => {
  it('reads the shipped etl/sql/etl.sql, which is the contract rendered, and its sha256', async () => {
    expect(ETL_SQL_PATH).toMatch(/etl[/\\]sql[/\\]etl\.sql$/);
    const text = await readFile(ETL_SQL_PATH, 'utf8');
    expect(text).toBe(renderEtlSql());
    const sql = await readEtlSql();
    expect(sql.statements).toEqual(parseEtlSql(text));
    expect(sql.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });
});
