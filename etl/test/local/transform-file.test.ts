import { readFile } from 'node:fs/promises';
import { parseTransformSql, renderTransformSql } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { loadTransform, TRANSFORM_SQL_PATH } from '../../src/local/transform-file';

describe('loadTransform', () => {
  it('reads the shipped etl/sql/transform.sql, which is the contract rendered', async () => {
    expect(TRANSFORM_SQL_PATH).toMatch(/etl[/\\]sql[/\\]transform\.sql$/);
    const text = await readFile(TRANSFORM_SQL_PATH, 'utf8');
    expect(text).toBe(renderTransformSql());
    expect(await loadTransform()).toEqual(parseTransformSql(text));
  });
});
