import type { ColumnInfo } from '@aws-sdk/client-athena';
import { PHYSICAL_TYPES } from '@spotify-lake/contract';
import { AthenaQueryRunner, lakeSummary, virtualClock } from '@spotify-lake/queries';
import { describe, expect, it } from 'vitest';
import { simulatedAthena } from '../../src/queries/simulated-athena';

const COLUMNS: ColumnInfo[] = lakeSummary.columns.map((c) => ({
  Name: c.name,
  Type: PHYSICAL_TYPES[c.type].athena,
}));
const header = { Data: COLUMNS.map((c) => ({ VarCharValue: c.Name })) };
const values = {
  Data: ['1', '1', '1', '1', '2020-01-01', '2020-01-01', '1000'].map((v) => ({ VarCharValue: v })),
};

async function simulate(durationMs: number) {
  const clock = virtualClock(0);
  const sim = simulatedAthena(clock, durationMs, COLUMNS, [[header, values]]);
  const runner = new AthenaQueryRunner({ client: sim.client, database: 'sim', clock });
  const { rows } = await runner.run(lakeSummary);
  return { rows, calls: sim.calls, addedMs: sim.seenDoneAt()! - sim.finishedAt()! };
}

describe('polling against the simulated Athena (virtual time)', () => {
  it.each([
    [500, 300, 3],
    [5_000, 500, 12],
    [30_000, 3_000, 21],
    [120_000, 12_000, 28],
  ])('a %i ms query is noticed within %i ms using %i status calls', async (durationMs, maxAddedMs, calls) => {
    const result = await simulate(durationMs);
    expect(result.rows).toHaveLength(1);
    expect(result.addedMs).toBeLessThanOrEqual(maxAddedMs);
    expect(result.calls).toEqual({ start: 1, status: calls, results: 1, stop: 0 });
  });
});
