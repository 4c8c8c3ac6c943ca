#!/usr/bin/env node
import { AthenaClient } from '@aws-sdk/client-athena';
import { AthenaQueryRunner } from '../athena/runner';
import { ParameterError } from '../define/errors';
import type { ParamSpecs } from '../define/params';
import type { AnyQuery } from '../define/query';
import type { QueryRunner, QueryStatistics } from '../runner/types';
import { findQuery, QUERIES } from '../warehouse-queries';
import { type CliArgs, CliUsageError, parseCliArgs, USAGE } from './args';
import { formatCsv, formatJson, formatTable } from './format';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface CliDeps {
  /** Injected by tests; by default a client for --region with the AWS SDK's credential chain. */
  readonly athenaClient?: (region: string | undefined) => AthenaClient;
}

/** `--list`: every query with its description and parameters. */
export function listQueries(): string {
  const lines: string[] = [];
  for (const query of QUERIES) {
    lines.push(`${query.name}`, `  ${query.description}`);
    const params = Object.entries(query.params as ParamSpecs);
    if (params.length === 0) lines.push('  (no parameters)');
    for (const [name, spec] of params) {
      const dflt = spec.optional ? `, default ${JSON.stringify(String(spec.default))}` : ', required';
      lines.push(`  --param ${name}=<${spec.kind}>  ${spec.rule}${dflt}. ${spec.description}`);
    }
    lines.push(
      `  columns: ${query.columns.map((c) => `${c.name} ${c.type}${c.nullable ? '?' : ''}`).join(', ')}`,
    );
    lines.push('');
  }
  return lines.join('\n');
}

/** Reads the `--param` texts into the query's typed values; validation happens when the query binds them. */
export function cliParams(query: AnyQuery, texts: ReadonlyMap<string, string>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, text] of texts) {
    const spec = query.params[name];
    if (!spec) {
      const known = Object.keys(query.params).join(', ') || 'none';
      throw new CliUsageError(`query "${query.name}" has no parameter "${name}" (its parameters: ${known})`);
    }
    values[name] = spec.parse(text);
  }
  return values;
}

const rowsText = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

function describeStatistics(s: QueryStatistics): string {
  if (s.engine === 'duckdb') return `${rowsText(s.rowCount)} in ${s.totalExecutionTimeMs} ms (local lake)`;
  const mb = ((s.dataScannedBytes ?? 0) / 2 ** 20).toFixed(2);
  return `${rowsText(s.rowCount)}; scanned ${mb} MB; engine ${s.engineExecutionTimeMs} ms, queue ${s.queueTimeMs} ms; cost $${s.costUsd.toFixed(6)}${s.reusedPreviousResult ? ' (reused result)' : ''}; execution ${s.queryExecutionId}`;
}

async function openRunner(args: CliArgs, deps: CliDeps): Promise<{ runner: QueryRunner; close: () => void }> {
  if (args.engine === 'local') {
    // Loaded on demand: DuckDB is an optional peer, needed only for the local engine.
    const { LocalQueryRunner } = await import('../local/index.js');
    const runner = await LocalQueryRunner.open({ lakeDir: args.lake });
    return { runner, close: () => runner.close() };
  }
  const client = (deps.athenaClient ?? ((region) => new AthenaClient({ region, maxAttempts: 5 })))(
    args.region,
  );
  const runner = new AthenaQueryRunner({
    client,
    workgroup: args.workgroup!,
    database: args.database!,
    catalog: args.catalog,
    warehouseTable: args.table,
    resultReuseMaxAgeMinutes: args.reuseMinutes,
  });
  return { runner, close: () => client.destroy() };
}

export async function main(argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (args.list) {
    io.stdout(listQueries());
    return 0;
  }
  try {
    const query = findQuery(args.query!);
    const params = cliParams(query, args.params);
    // Bind once before opening anything, so a bad parameter is reported without touching an engine.
    query.bind(params);
    const { runner, close } = await openRunner(args, deps);
    const controller = new AbortController();
    const onSignal = () => controller.abort(new Error('interrupted'));
    process.once('SIGINT', onSignal);
    try {
      const timeoutMs = args.timeoutSeconds === undefined ? undefined : args.timeoutSeconds * 1000;
      const result = await runner.run(query, params, { signal: controller.signal, timeoutMs });
      const rows = result.rows as Record<string, unknown>[];
      if (args.format === 'json') io.stdout(formatJson(rows));
      else if (args.format === 'csv') io.stdout(formatCsv(query.columns, rows));
      else io.stdout(formatTable(query.columns, rows));
      io.stderr(`${describeStatistics(result.statistics)}\n`);
      return 0;
    } finally {
      process.removeListener('SIGINT', onSignal);
      close();
    }
  } catch (error) {
    const usage = error instanceof CliUsageError || error instanceof ParameterError;
    io.stderr(`error: ${(error as Error).message}\n`);
    return usage ? 2 : 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then((code) => {
    process.exitCode = code;
  });
}
