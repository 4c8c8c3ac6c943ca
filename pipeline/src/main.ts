#!/usr/bin/env node
/**
 * `pnpm start`: the ETL's command (every option of `pnpm start --help`), then, once the lake is published, the
 * dashboard written beside it as `<lake>/dashboard.html`. The ETL package knows nothing of the dashboard; this
 * program composes the two.
 */
import { relative } from 'node:path';
import { writeDashboardHtml } from '@spotify-lake/dashboard/local';
import { runCli } from '@spotify-lake/etl';

/** The summary line naming the page, relative to where the command runs when that is shorter. */
export function dashboardLine(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return `Dashboard:  ${shown.startsWith('..') ? path : shown} (open it in a browser; \`pnpm dashboard\` serves it with live controls)`;
}

export function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  return runCli(
    argv,
    {
      stdout: (text) => process.stdout.write(`${text}\n`),
      stderr: (text) => process.stderr.write(`${text}\n`),
      cwd,
    },
    {
      afterPublish: async (manifest) => {
        const { path } = await writeDashboardHtml({ lakeDir: manifest.lakeDir });
        return [dashboardLine(path, cwd)];
      },
    },
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `internal error (please report): ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
