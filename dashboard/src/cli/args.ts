import { parseArgs } from 'node:util';

/** A command-line mistake: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * `--name value` / `--name=value` options, parsed by `node:util`'s `parseArgs`: every option takes a value, each may
 * be given once, only the listed ones (and `--help`) are accepted, and no positional argument.
 */
export function parseOptions(argv: readonly string[], allowed: readonly string[]): Record<string, string> {
  const options: Record<string, { type: 'string' | 'boolean'; multiple: boolean }> = {
    help: { type: 'boolean', multiple: false },
  };
  for (const name of allowed) options[name] = { type: 'string', multiple: true };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(usageProblem(error, argv, allowed));
  }
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (name === 'help') {
      if (value === true) result.help = 'true';
      continue;
    }
    const values = value as string[];
    if (values.length > 1) throw new UsageError(`--${name} is given twice`);
    // parseArgs takes the next argument as the value even when it is an option (`--lake --port 1`).
    if (values[0]!.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    result[name] = values[0]!;
  }
  return result;
}

/** parseArgs' error as one line naming the argument, in the words of the commands' usage. */
function usageProblem(error: unknown, argv: readonly string[], allowed: readonly string[]): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? message}; options: ${allowed.map((a) => `--${a}`).join(', ')}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument')
        ? `${option ?? 'an option'} takes no value`
        : `${option ?? 'an option'} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${JSON.stringify(argv.find((a) => !a.startsWith('-')) ?? message)}`;
    default:
      return message;
  }
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
