#!/usr/bin/env node
import { stackNames } from './stack-file';
/**
 * `pnpm synth --stack dev|prod [--json]`: the resource graph of a stack without an AWS account or the Pulumi CLI.
 * Prints a table (type, name, parent, protect, retainOnDelete, the inputs that matter), or with `--json` only a
 * JSON array of `{ type, name, parent, inputs, protect, retainOnDelete }` with every input. Exits 2 on a usage
 * error (unknown stack or flag), 1 when the program fails (e.g. a bad configuration value).
 */
import { SynthUsageError, synthesize, synthTable } from './synth';

const USAGE = 'usage: pnpm synth --stack <stack> [--json]';

export interface SynthOptions {
  stack: string;
  json: boolean;
}

/** Parses `--stack <name>` (or `--stack=<name>`) and `--json`; anything else is a usage error. */
export function parseSynthArgs(argv: readonly string[]): SynthOptions {
  let stack: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--stack') stack = argv[++i];
    else if (arg.startsWith('--stack=')) stack = arg.slice('--stack='.length);
    else if (arg === '--') continue;
    else throw new SynthUsageError(`unknown argument ${JSON.stringify(arg)}`);
  }
  if (stack === undefined || stack === '') {
    throw new SynthUsageError(`--stack is required; stacks: ${stackNames().join(', ')}`);
  }
  return { stack, json };
}

async function main(argv: readonly string[]): Promise<number> {
  let options: SynthOptions;
  try {
    options = parseSynthArgs(argv);
    const resources = await synthesize(options.stack);
    process.stdout.write(
      options.json
        ? `${JSON.stringify(resources, null, 2)}\n`
        : `${synthTable(resources)}\n\nstack ${options.stack}: ${resources.length} resources (Pulumi mocks, no cloud)\n`,
    );
    return 0;
  } catch (error) {
    const usage = error instanceof SynthUsageError;
    process.stderr.write(`synth: ${(error as Error).message}${usage ? `\n${USAGE}` : ''}\n`);
    return usage ? 2 : 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.stdout.write('', () => process.exit(code)),
    (error: unknown) => {
      process.stderr.write(`synth: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
