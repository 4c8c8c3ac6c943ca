/** A command-line mistake: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * `--name value` / `--name=value` options; every option takes a value, each may be given once, and only the
 * listed ones are accepted.
 */
export function parseOptions(argv: readonly string[], allowed: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`);
    const [, name, inline] = match as unknown as [string, string, string | undefined];
    if (name === 'help') {
      options.help = 'true';
      continue;
    }
    if (!allowed.includes(name))
      throw new UsageError(`unknown option --${name}; options: ${allowed.map((a) => `--${a}`).join(', ')}`);
    if (name in options) throw new UsageError(`--${name} is given twice`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return options;
}

/** A TCP port, 1-65535 (0 picks a free one). */
export function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535; got ${JSON.stringify(text)}`);
  }
  return port;
}

/** Runs a command's main, printing usage errors with the usage (exit 2) and failures (exit 1). */
export function runMain(usage: string, main: () => Promise<number | undefined>): void {
  main().then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`error: ${error.message}\n\n${usage}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
