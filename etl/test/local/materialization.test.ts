import { describe, expect, it } from 'vitest';
import { planMaterialization } from '../../src/local/materialization';
import { loadTransform } from '../../src/local/transform-file';

describe('planMaterialization', () => {
  it('makes a table of what is read twice or more, a view of the rest', () => {
    const plan = planMaterialization(
      [
        { name: 'a', sql: 'SELECT 1' },
        { name: 'b', sql: 'SELECT * FROM a' },
        { name: 'c', sql: 'SELECT * FROM a JOIN b USING (x)' },
        { name: 'ab', sql: 'SELECT * FROM c' },
      ],
      { ab: 1 },
    );
    expect(Object.fromEntries(plan)).toEqual({ a: 'table', b: 'view', c: 'view', ab: 'view' });
  });

  it('counts whole names only, and reads from outside the transform', () => {
    const plan = planMaterialization(
      [
        { name: 'x', sql: 'SELECT 1' },
        { name: 'y', sql: 'SELECT * FROM x_more' },
      ],
      { x: 2 },
    );
    expect(plan.get('x')).toBe('table');
  });

  it('on the shipped transform, materializes what several statements read and streams the outputs', async () => {
    const plan = planMaterialization(await loadTransform(), {
      datawarehouse: 1,
      quarantine: 1,
      source_counts: 1,
    });
    const tables = [...plan].filter(([, as]) => as === 'table').map(([name]) => name);
    expect(tables).toEqual(expect.arrayContaining(['deduped_artists', 'deduped_tracks', 'resolved_albums']));
    for (const output of ['datawarehouse', 'quarantine', 'source_counts'])
      expect(plan.get(output)).toBe('view');
  });
});
