#!/usr/bin/env node
import { writeDashboardHtml } from '../local/write-dashboard';
import { parseOptions, runMain } from './args';

const USAGE = `Usage: node dashboard/dist/cli/render.js [--lake DIR] [--out FILE]

Writes the project's dashboard over the local lake as one self-contained HTML file (default <lake>/dashboard.html)
and prints its path.`;

runMain(USAGE, async () => {
  const options = parseOptions(process.argv.slice(2), ['lake', 'out']);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { path } = await writeDashboardHtml({
    lakeDir: options.lake ?? '.lake',
    ...(options.out ? { outFile: options.out } : {}),
  });
  process.stdout.write(`dashboard: ${path}\n`);
  return 0;
});
