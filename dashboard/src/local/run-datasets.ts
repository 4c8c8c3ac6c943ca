import type { LocalQueryRunner } from '@spotify-lake/queries/local';
import { type DatasetSource, datasetParams } from '../model/dataset-sources';
import type { JsonRow } from './page-model';

/** A query value as JSON: bigints as numbers when exact (counts, followers), else as text. */
export function jsonValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

/** Runs each dataset's typed query on the local lake with the controls' values; rows by dataset id. */
export async function runDatasets(
  runner: Pick<LocalQueryRunner, 'run'>,
  sources: readonly DatasetSource[],
  controlValues: Readonly<Record<string, unknown>> = {},
): Promise<Record<string, JsonRow[]>> {
  const data: Record<string, JsonRow[]> = {};
  // One at a time: the runner holds one DuckDB connection.
  for (const source of sources) {
    const { rows } = await runner.run(source.query, datasetParams(source, controlValues) as never);
    data[source.id] = rows.map((row) =>
      Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, jsonValue(v)])),
    );
  }
  return data;
}
