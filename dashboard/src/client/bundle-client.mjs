// Bundles the page's script with Vega and Vega-Lite into one minified IIFE, inlined into every dashboard.html so
// that the page needs no network. Run by `pnpm build` after tsc.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = join(root, 'dist/client/dashboard-client.js');
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(root, 'src/client/main.ts')],
  outfile,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
