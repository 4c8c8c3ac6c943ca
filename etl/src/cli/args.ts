import { parseArgs } from 'node:util';
import { DATA_QUALITY_FAILURE_MODES, type DataQualityFailureMode } from '@spotify-lake/contract';
import { DEFAULT_BAD_ROW_SHARE, DEFAULT_SEED, MAX_BAD_ROW_SHARE } from '../generate';
import { DEFAULT_DATA_QUALITY_FAILURE, DEFAULT_MEMORY_LIMIT, DEFAULT_THREADS, isMemoryLimit } from '../local';

/** A command line that cannot be run: printed with a hint to --help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const DEFAULT_LAKE_DIR = './.lake';
export const DEFAULT_SAMPLE_TRACKS = 20_000;

export interface CliOptions {
  readonly help: boolean;
  /** Folder with the three CSVs; undefined: generate a sample dataset. */
  readonly inputDir: string | undefined;
  /** Default `./.lake`. */
  readonly lakeDir: string;
  /** Album-track rows of the generated sample. Default 20,000. */
  readonly tracks: number;
  /** Seed of the generated sample. Default 42. */
  readonly seed: number;
  /** Share of deliberately bad rows in the generated sample. Default 0.01. */
  readonly badRowShare: number;
  /** DuckDB threads; undefined: runEtl's default (2). */
  readonly threads: number | undefined;
  /** DuckDB memory limit; undefined: runEtl's default (1.25GB). */
  readonly memoryLimit: string | undefined;
  /** Print the manifest as JSON on stdout instead of the summary. */
  readonly json: boolean;
  /** No progress lines on stderr. */
  readonly quiet: boolean;
  /** Accept a file-system root, the home folder or a repository as the lake folder. */
  readonly force: boolean;
  /** What a failed data-quality rule does: `fail` (default; nothing published) or `warn`. */
  readonly dataQuality: DataQualityFailureMode;
}

export const USAGE = `Usage: pnpm start [options]

Runs the Spotify lake ETL locally on DuckDB and writes a lake folder that mirrors the S3 layout:
staging/ (the inputs as read), datawarehouse/ and quarantine/ (Parquet), manifest.json.
Without --input it first generates a sample dataset.

Options:
  --input DIR          folder with albums.csv, artists.csv, tracks.csv (or albums/*.csv, ...)
  --lake DIR           lake folder to (re)build (default: ${DEFAULT_LAKE_DIR})
  --tracks N           sample size in album-track rows, without --input (default: ${DEFAULT_SAMPLE_TRACKS})
  --seed N             sample seed, without --input (default: ${DEFAULT_SEED})
  --bad-rows SHARE     share of bad sample rows, 0 to ${MAX_BAD_ROW_SHARE}, without --input (default: ${DEFAULT_BAD_ROW_SHARE})
  --threads N          DuckDB threads (default: ${DEFAULT_THREADS})
  --memory-limit SIZE  DuckDB memory limit, e.g. 512MB, 2GB (default: ${DEFAULT_MEMORY_LIMIT})
  --json               print the run manifest as JSON instead of the summary
  --quiet              no progress lines on stderr
  --data-quality MODE  fail (default: a failed data-quality rule fails the run, nothing is published) or warn
  --force              allow a file-system root, your home folder or a folder with .git as --lake
                       (a folder that is not empty and not a lake is refused even then)
  -h, --help           show this help

Exit codes: 0 success; 1 the input cannot be processed, the lake folder cannot or must not be written
(one line naming the file or folder and the cause), or an internal error; 2 bad command line;
130/143 interrupted (Ctrl-C / SIGTERM): the previous lake is left as it was.`;

const OPTIONS = {
  input: { type: 'string' },
  lake: { type: 'string' },
  tracks: { type: 'string' },
  seed: { type: 'string' },
  'bad-rows': { type: 'string' },
  threads: { type: 'string' },
  'memory-limit': { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  force: { type: 'boolean' },
  'data-quality': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const sampleOptions = (['tracks', 'seed', 'bad-rows'] as const).filter((o) => values[o] !== undefined);
  if (values.input !== undefined && sampleOptions.length > 0) {
    throw new UsageError(
      `--${sampleOptions[0]} only applies to the generated sample; it cannot be used with --input`,
    );
  }
  return {
    help: values.help ?? false,
    inputDir: values.input === undefined ? undefined : nonEmpty('--input', values.input),
    lakeDir: values.lake === undefined ? DEFAULT_LAKE_DIR : nonEmpty('--lake', values.lake),
    tracks: integer('--tracks', values.tracks, DEFAULT_SAMPLE_TRACKS, 1, 50_000_000),
    seed: integer('--seed', values.seed, DEFAULT_SEED, 0, 2 ** 32 - 1),
    badRowShare: share('--bad-rows', values['bad-rows'], DEFAULT_BAD_ROW_SHARE, MAX_BAD_ROW_SHARE),
    threads: values.threads === undefined ? undefined : integer('--threads', values.threads, 0, 1, 256),
    memoryLimit: values['memory-limit'] === undefined ? undefined : memoryLimit(values['memory-limit']),
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    force: values.force ?? false,
    dataQuality: dataQualityMode(values['data-quality']),
  };
}

/** node:util's messages name the option but carry hints for programmers; keep the first sentence. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown?.[1]) return `unknown option ${unknown[1]}`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional?.[1]) return `unexpected argument ${positional[1]} (options take the form --name value)`;
  const ambiguous = /Option '([^']+)' argument is ambiguous/.exec(message);
  if (ambiguous?.[1])
    return `option ${ambiguous[1]} needs a value (write ${ambiguous[1]}=VALUE for a value starting with -)`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing?.[1]) return `option ${missing[1].replace(/^-\w, /, '').replace(' <value>', '')} needs a value`;
  return message.split('\n')[0]!.replace(/\. To specify.*$/, '');
}

function nonEmpty(option: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`${option} needs a folder path, got an empty value`);
  return value;
}

function integer(
  option: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${option} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${option} must be from ${min} to ${max}, got ${value}`);
  return n;
}

function share(option: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > max) {
    throw new UsageError(`${option} must be a number from 0 to ${max}, got "${value}"`);
  }
  return n;
}

function dataQualityMode(value: string | undefined): DataQualityFailureMode {
  if (value === undefined) return DEFAULT_DATA_QUALITY_FAILURE;
  if (!(DATA_QUALITY_FAILURE_MODES as readonly string[]).includes(value)) {
    throw new UsageError(`--data-quality must be ${DATA_QUALITY_FAILURE_MODES.join(' or ')}, got "${value}"`);
  }
  return value as DataQualityFailureMode;
}

function memoryLimit(value: string): string {
  if (!isMemoryLimit(value)) {
    throw new UsageError(`--memory-limit must look like 512MB or 2GB, got "${value}"`);
  }
  return value.trim();
}
