import { EtlInputError, type EtlManifest, type EtlProgress, runEtl } from '../local';
import { type CliOptions, parseCliArgs, USAGE, UsageError } from './args';
import { generateSample, type Sample } from './sample-data';
import { formatCount, formatSummary } from './summary';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The `pnpm start` command; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
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
  try {
    let inputDir = options.inputDir;
    let inputNote: string | undefined;
    if (inputDir === undefined) {
      progress(`generate a sample of ${formatCount(options.tracks)} album-track rows (seed ${options.seed})`);
      sample = await generateSample(options);
      inputDir = sample.dataset.dir;
      inputNote = `generated sample of ${formatCount(options.tracks)} album-track rows (seed ${options.seed}, ${options.badRowShare * 100}% bad rows), kept in staging/`;
    }
    const manifest: EtlManifest = await runEtl({
      inputDir,
      lakeDir: options.lakeDir,
      onProgress: (event: EtlProgress) => progress(event.message),
      threads: options.threads,
      memoryLimit: options.memoryLimit,
    });
    io.stdout(options.json ? JSON.stringify(manifest, null, 2) : formatSummary(manifest, io.cwd, inputNote));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof EtlInputError) {
      io.stderr(`error: ${error.message}`);
      return EXIT.failed;
    }
    io.stderr(
      `internal error (please report): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return EXIT.failed;
  } finally {
    await sample?.dispose();
  }
}
