// `pnpm dashboard:screenshot`: the README's picture of the dashboard, made again from nothing. Generates a sample
// dataset (fixed seed), builds a lake with the ETL, writes dashboard.html and photographs it in Debian's chromium
// at 1280 px wide: docs/dashboard.png. Needs `pnpm build` (the root script does it) and /usr/bin/chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const { generateDataset, runEtl } = require('@spotify-lake/etl');
const { writeDashboardHtml } = require('../dist/local/index.js');
const { CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORT } = require('../dist/browser/chromium.js');

const out = join(dirname(fileURLToPath(import.meta.url)), '../../docs/dashboard.png');
const root = mkdtempSync(join(tmpdir(), 'dashboard-screenshot-'));
try {
  const dataset = await generateDataset({ outDir: join(root, 'input'), tracks: 20_000, seed: 42 });
  const lakeDir = join(root, 'lake');
  await runEtl({ inputDir: dataset.dir, lakeDir, threads: 2 });
  const { path } = await writeDashboardHtml({ lakeDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`file://${path}`);
    await page.waitForSelector('body[data-ready="true"]');
    // The header says where the lake was; a temporary folder means nothing to a reader.
    await page.locator('header .meta').evaluate((node) => {
      node.textContent = 'Local lake · generated sample of 20,000 album-track rows';
    });
    await page.screenshot({ path: out, fullPage: true });
  } finally {
    await browser.close();
  }
  console.log(`screenshot: ${out}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
