import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORT } from '../../src/browser/chromium';
import type { JsonRow, PageModel, PageVisual } from '../../src/local/page-model';
import { type DashboardServer, startDashboardServer } from '../../src/local/server';
import { writeDashboardHtml } from '../../src/local/write-dashboard';
import { CHROMIUM_MISSING, launchChromium } from '../support/chromium';
import { buildLake } from '../support/lake';

/** The SVG marks Vega draws for one row of a chart (legend symbols and axes are other roles). */
const MARK_SELECTOR: Partial<Record<PageVisual['kind'], string>> = {
  bar: 'g.mark-rect.role-mark path',
  histogram: 'g.mark-rect.role-mark path',
  pie: 'g.mark-arc.role-mark path',
  line: 'g.mark-symbol.role-mark path',
  table: 'tbody tr',
  kpi: '.kpi-value',
};

/** How many marks a visual must show for its rows: one per row (limited), one point per row and line. */
function expectedMarks(visual: PageVisual, rows: readonly JsonRow[]): number {
  const spec = visual.spec as { encoding?: unknown; transform?: { fold?: string[] }[] } | undefined;
  switch (visual.kind) {
    case 'kpi':
      return 1;
    case 'line':
      return rows.length * (spec?.transform?.[0]?.fold?.length ?? 1);
    case 'table':
      return Math.min(rows.length, visual.limit ?? rows.length);
    default: {
      const filter = (spec?.transform ?? []).find((t) => 'filter' in t) as { filter?: string } | undefined;
      const limit = filter?.filter ? Number(/<= (\d+)/.exec(filter.filter)?.[1]) : rows.length;
      return Math.min(rows.length, limit);
    }
  }
}

interface Watched {
  errors: string[];
  requests: string[];
}
/** Opens a page and records console errors, page errors and every request it makes. */
async function open(browser: Browser, url: string): Promise<{ page: Page; watched: Watched }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const watched: Watched = { errors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('request', (request) => watched.requests.push(request.url()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  expect(await page.locator('body').getAttribute('data-ready')).toBe('true');
  return { page, watched };
}

const pageModel = async (page: Page) =>
  JSON.parse((await page.locator('#dashboard-page').textContent())!) as PageModel;

/** Every visual's title, marks and axis titles as drawn. */
async function drawn(page: Page, model: PageModel, data: PageModel['data'] = model.data) {
  const result = [];
  for (const visual of model.sheets.flatMap((s) => s.visuals)) {
    const box = page.locator(`[data-visual-id="${visual.id}"]`);
    result.push({
      id: visual.id,
      title: await box.locator('h3').textContent(),
      marks: await box.locator(MARK_SELECTOR[visual.kind]!).count(),
      expected: expectedMarks(visual, data[visual.dataset] ?? []),
      axisTitles: await box.locator('g.role-axis-title text').allTextContents(),
    });
  }
  return result;
}

describe.skipIf(CHROMIUM_MISSING)('the dashboard in chromium', () => {
  let lake: Awaited<ReturnType<typeof buildLake>>;
  let browser: Browser;
  let server: DashboardServer;
  let htmlPath: string;

  beforeAll(async () => {
    lake = await buildLake();
    ({ path: htmlPath } = await writeDashboardHtml({ lakeDir: lake.lakeDir }));
    server = await startDashboardServer({ lakeDir: lake.lakeDir, port: 0 });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    lake?.remove();
  });

  it('draws every visual of the static page from disk with a mark per row, titles and axis labels', async () => {
    const { page, watched } = await open(browser, `file://${htmlPath}`);
    const model = await pageModel(page);
    const visuals = await drawn(page, model);
    expect(visuals).toHaveLength(9);
    for (const visual of visuals) {
      expect(visual.expected, visual.id).toBeGreaterThan(0);
      expect(visual.marks, visual.id).toBe(visual.expected);
      expect(visual.title, visual.id).toBe(model.sheets[0]!.visuals.find((v) => v.id === visual.id)!.title);
    }
    const axes = Object.fromEntries(visuals.map((v) => [v.id, v.axisTitles]));
    expect(axes['top-artists']).toEqual(expect.arrayContaining(['Artist', 'Followers']));
    expect(axes['releases-per-year']).toEqual(expect.arrayContaining(['Year']));
    expect(axes['album-popularity']).toEqual(expect.arrayContaining(['Album popularity', 'Albums']));
    // Readable at 1280x800: nothing wider than the window.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(VIEWPORT.width);
    expect(watched.errors).toEqual([]);
    expect(watched.requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    // Kept after the run (test-output/ is ignored by git), to look at what the test saw.
    const screenshot = join(__dirname, '..', '..', 'test-output', 'dashboard.png');
    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(20_000);
    await page.close();
  }, 60_000);

  it('re-runs the queries on the served page when a control changes, and redraws the charts', async () => {
    const { page, watched } = await open(browser, server.url);
    const model = await pageModel(page);
    const artistLabels = () =>
      page.locator('[data-visual-id="top-artists"] g.role-axis-label text').allTextContents();
    const before = await artistLabels();
    const genre = model.controls.find((c) => c.id === 'genre')!.options!.find((o) => o.value !== '')!.value;

    const response = page.waitForResponse((r) => r.url().includes('/api/data'));
    await page.selectOption('select[name="genre"]', genre);
    const { data } = (await (await response).json()) as { data: PageModel['data'] };
    expect(data['top-artists-by-followers']!.every((r) => r.genre === genre)).toBe(true);
    await expect.poll(artistLabels).not.toEqual(before);
    const bars = await page.locator('[data-visual-id="top-artists"] g.mark-rect.role-mark path').count();
    expect(bars).toBe(data['top-artists-by-followers']!.length);

    const points = () =>
      page.locator('[data-visual-id="releases-per-year"] g.mark-symbol.role-mark path').count();
    const allYears = await points();
    const yearResponse = page.waitForResponse((r) => r.url().includes('from-year=2015'));
    await page.locator('input[name="from-year"]').fill('2015');
    const years = ((await (await yearResponse).json()) as { data: PageModel['data'] }).data[
      'releases-per-year'
    ]!;
    await expect.poll(points).toBe(years.length * 2);
    expect(years.length * 2).toBeLessThan(allYears);
    expect(watched.errors).toEqual([]);
    expect(watched.requests.every((url) => url.startsWith(server.url))).toBe(true);
    await page.close();
  }, 60_000);
});
