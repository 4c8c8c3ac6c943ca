#!/usr/bin/env node
import { DEFAULT_DASHBOARD_PORT, startDashboardServer } from '../local/server';
import { parseOptions, parsePort, runMain } from './args';

const USAGE = `Usage: pnpm dashboard [--lake DIR] [--port N]

Serves the project's dashboard on http://127.0.0.1:<port>/ over the local lake (default ./.lake, built by
\`pnpm start\`), with its controls live: changing one re-runs the typed queries on the lake.
  --lake DIR   the local lake folder (default .lake)
  --port N     the port (default ${DEFAULT_DASHBOARD_PORT}; 0 picks a free one)`;

runMain(USAGE, async () => {
  const options = parseOptions(process.argv.slice(2), ['lake', 'port']);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const server = await startDashboardServer({
    lakeDir: options.lake ?? '.lake',
    port: parsePort(options.port, DEFAULT_DASHBOARD_PORT),
  });
  process.stdout.write(`dashboard: ${server.url} (Ctrl-C to stop)\n`);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
});
