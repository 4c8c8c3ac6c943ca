import {
  DataQualityError,
  EtlInputError,
  type EtlManifest,
  type EtlProgress,
  type LakeFileWriter,
  LakeFolderError,
  runEtl,
} from '../local';
import { SparkUnavailableError } from '../spark/python-env';
import { type CliOptions, parseCliArgs, USAGE, UsageError } from './args';
import { generateSample, type Sample } from './sample-data';
import { formatCount, formatSummary } from './summary';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** What a program built on this command adds to a run. */
export interface RunCliHooks {
  /**
   * Writes files derived from the new lake right after its commit, while the run holds the lake (see runEtl's
   * `afterCommit`); returns lines for the summary (on stderr with `--json`, whose stdout is the manifest alone).
   * A failure fails the command with one line saying the lake was published.
   */
  readonly afterCommit?: (manifest: EtlManifest, lake: LakeFileWriter) => Promise<readonly string[]>;
}
/** Exit codes of a run stopped by a signal, as shells report them: 128 + the signal's number. */
export const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = {
  SIGINT: 130,
  SIGTERM: 143,
  SIGHUP: 129,
};

class Interrupted extends Error {
  constructor(readonly signal: keyof typeof SIGNAL_EXIT) {
    super(`interrupted by ${signal}`);
  }
}

/**
 * The `pnpm start` command; returns the exit code. A signal (Ctrl-C, SIGTERM, SIGHUP) stops the run cleanly:
 * the DuckDB query is interrupted, what the run wrote and the generated sample are removed, the lake is left as
 * it was. A second signal exits at once, still removing the sample.
 */
export async function runCli(argv: readonly string[], io: CliIo, hooks: RunCliHooks = {}): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`error: ${error.message}\nRun with --help for the options.`);
    return EXIT.usage;
  }
  if (options.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }

  const started = performance.now();
  const progress = (message: string) => {
    if (!options.quiet) io.stderr(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${message}`);
  };
  let sample: Sample | undefined;
  const controller = new AbortController();
  const onSignal = (signal: keyof typeof SIGNAL_EXIT) => {
    if (controller.signal.aborted) {
      sample?.dispose();
      process.exit(SIGNAL_EXIT[signal]);
    }
    io.stderr(`${signal}: stopping; the lake is left as it was`);
    controller.abort(new Interrupted(signal));
  };
  const handlers = (Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]).map(
    (signal) => [signal, () => onSignal(signal)] as const,
  );
  for (const [signal, handler] of handlers) process.on(signal, handler);
  try {
    let inputDir = options.inputDir;
    let inputNote: string | undefined;
    if (inputDir === undefined) {
      progress(`generate a sample of ${formatCount(options.tracks)} album-track rows (seed ${options.seed})`);
      sample = await generateSample(options);
      controller.signal.throwIfAborted();
      inputDir = sample.dataset.dir;
      inputNote = `generated sample of ${formatCount(options.tracks)} album-track rows (seed ${options.seed}, ${options.badRowShare * 100}% bad rows), kept in staging/`;
    }
    let extra: readonly string[] = [];
    const { afterCommit } = hooks;
    const manifest: EtlManifest = await runEtl({
      engine: options.engine,
      inputDir,
      lakeDir: options.lakeDir,
      onProgress: (event: EtlProgress) => progress(event.message),
      threads: options.threads,
      memoryLimit: options.memoryLimit,
      force: options.force,
      dataQualityFailure: options.dataQuality,
      signal: controller.signal,
      ...(afterCommit === undefined
        ? {}
        : {
            afterCommit: async (published, lake) => {
              extra = await afterCommit(published, lake);
            },
          }),
    });
    if (options.json) {
      io.stdout(JSON.stringify(manifest, null, 2));
      for (const line of extra) io.stderr(line);
    } else {
      io.stdout([formatSummary(manifest, io.cwd, inputNote), ...extra].join('\n'));
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Interrupted) return SIGNAL_EXIT[error.signal];
    if (
      error instanceof EtlInputError ||
      error instanceof LakeFolderError ||
      error instanceof SparkUnavailableError ||
      error instanceof DataQualityError
    ) {
      io.stderr(`error: ${error.message}`);
      return EXIT.failed;
    }
    io.stderr(
      `internal error (please report): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return EXIT.failed;
  } finally {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    sample?.dispose();
  }
}
