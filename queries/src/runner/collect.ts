import type { QueryResult, QueryStream } from './types';

/** Reads a stream to the end: what `run` is on every runner, so only `stream` differs between engines. */
export async function collectStream<Row>(stream: QueryStream<Row>): Promise<QueryResult<Row>> {
  const rows: Row[] = [];
  for await (const row of stream) rows.push(row);
  return { rows, statistics: { ...stream.statistics!, rowCount: rows.length } };
}
