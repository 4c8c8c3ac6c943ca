#!/usr/bin/env node
/**
 * `pnpm start`: the ETL's command (every option of `pnpm start --help`), then, once the lake is published, the
 * dashboard written beside it as `<lake>/dashboard.html`. The ETL package knows nothing of the dashboard; this
 * program composes the two.
 */
import { rename, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { DASHBOARD_FILE, renderDashboardHtml } from '@spotify-lake/dashboard/local';
import { faultPoint, type LakeFileWriter, runCli } from '@spotify-lake/etl';

/**
 * Writes the page of the lake just committed, while the run still holds the lake: under a journaled temporary
 * name first (a crash leaves nothing the next run does not remove), then renamed over `dashboard.html`.
 */
export async function writeDashboard(lake: LakeFileWriter): Promise<string> {
  const html = await renderDashboardHtml({ lakeDir: lake.lakeDir });
  const temp = await lake.willCreate(`${DASHBOARD_FILE}.${lake.runId}.tmp`);
  await writeFile(temp, html);
  faultPoint('after-derived-file-temp');
  const path = lake.path(DASHBOARD_FILE);
  await rename(temp, path);
  return path;
}

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
      afterCommit: async (_manifest, lake) => [dashboardLine(await writeDashboard(lake), cwd)],
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
