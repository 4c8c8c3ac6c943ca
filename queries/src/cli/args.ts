import { parseArgs } from 'node:util';

export const FORMATS = ['table', 'json', 'csv'] as const;
export type OutputFormat = (typeof FORMATS)[number];
export const ENGINES = ['local', 'athena'] as const;
export type Engine = (typeof ENGINES)[number];

export interface CliArgs {
  readonly help: boolean;
  readonly list: boolean;
  readonly query: string | undefined;
  /** `--param key=value`, in the order given (text; each query parameter parses its own). */
  readonly params: ReadonlyMap<string, string>;
  readonly format: OutputFormat;
  readonly engine: Engine;
  readonly lake: string;
  readonly workgroup: string | undefined;
  readonly database: string | undefined;
  readonly region: string | undefined;
  readonly catalog: string | undefined;
  readonly table: string | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly reuseMinutes: number | undefined;
}

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export const USAGE = `Usage:
  pnpm query --list
  pnpm query <name> [--param key=value ...] [--format table|json|csv] [--lake DIR]
  pnpm query <name> --engine athena --workgroup W --database D [--region R] [--catalog C] [--table T]
                    [--timeout SECONDS] [--reuse MINUTES] [--param key=value ...] [--format ...]

Options:
  --list             list the queries and their parameters
  --param, -p k=v    a query parameter (repeat for several)
  --format           table (default), json (a JSON array of rows, nothing else on stdout) or csv
  --lake DIR         local lake folder (default ./.lake)
  --engine           local (default: DuckDB over the local lake) or athena
  --workgroup W      Athena workgroup (required with --engine athena)
  --database D       Glue database of the warehouse (required with --engine athena)
  --region R         AWS region (default: from the AWS environment)
  --catalog C        Athena data catalog (default AwsDataCatalog)
  --table T          warehouse table name (default datawarehouse)
  --timeout SECONDS  stop the query after this long
  --reuse MINUTES    let Athena reuse a result at most this old
`;

function oneOf<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliUsageError(`--${option} must be one of ${allowed.join(', ')}; got "${value}"`);
  }
  return value as T;
}

function positiveNumber(option: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(number) ||
    number <= 0 ||
    (integer && !Number.isInteger(number))
  ) {
    throw new CliUsageError(
      `--${option} must be a positive ${integer ? 'integer' : 'number'}; got "${value}"`,
    );
  }
  return number;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1)
    throw new CliUsageError(`one query name expected, got: ${positionals.join(' ')}`);
  const params = new Map<string, string>();
  for (const pair of values.param ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliUsageError(`--param expects key=value; got "${pair}"`);
    const key = pair.slice(0, eq);
    if (params.has(key)) throw new CliUsageError(`--param ${key} is given twice`);
    params.set(key, pair.slice(eq + 1));
  }
  const engine = oneOf('engine', values.engine, ENGINES, 'local');
  const args: CliArgs = {
    help: values.help ?? false,
    list: values.list ?? false,
    query: positionals[0],
    params,
    format: oneOf('format', values.format, FORMATS, 'table'),
    engine,
    lake: values.lake ?? './.lake',
    workgroup: values.workgroup,
    database: values.database,
    region: values.region,
    catalog: values.catalog,
    table: values.table,
    timeoutSeconds: positiveNumber('timeout', values.timeout, false),
    reuseMinutes: positiveNumber('reuse', values.reuse, true),
  };
  if (!args.help && !args.list && !args.query) throw new CliUsageError('name a query, or pass --list');
  if (engine === 'athena' && !args.help && !args.list) {
    if (!args.workgroup) throw new CliUsageError('--engine athena needs --workgroup');
    if (!args.database) throw new CliUsageError('--engine athena needs --database');
  }
  if (engine === 'local') {
    const athenaOnly = (['workgroup', 'database', 'region', 'catalog', 'table', 'reuse'] as const).filter(
      (o) => values[o] !== undefined,
    );
    if (athenaOnly.length > 0) throw new CliUsageError(`--${athenaOnly[0]} applies to --engine athena only`);
  } else if (values.lake !== undefined) {
    throw new CliUsageError('--lake applies to the local engine only');
  }
  return args;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      list: { type: 'boolean' },
      param: { type: 'string', short: 'p', multiple: true },
      format: { type: 'string' },
      engine: { type: 'string' },
      lake: { type: 'string' },
      workgroup: { type: 'string' },
      database: { type: 'string' },
      region: { type: 'string' },
      catalog: { type: 'string' },
      table: { type: 'string' },
      timeout: { type: 'string' },
      reuse: { type: 'string' },
    },
  });
}
