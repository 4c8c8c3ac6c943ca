import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDefinition } from '@spotify-lake/bi';
import { lakeSummary, topLabels } from '@spotify-lake/queries';
import { LocalQueryRunner } from '@spotify-lake/queries/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDashboardHtml } from '../../src/local/write-dashboard';
import { toModel } from '../../src/model/to-model';
import { projectDashboard } from '../../src/project-dashboard';
import { defineDashboard } from '../../src/spec/dashboard-spec';
import { pieChart } from '../../src/spec/visuals';
import { buildLake } from '../support/lake';
import { embeddedPage } from '../support/page';

let lake: Awaited<ReturnType<typeof buildLake>>;
beforeAll(async () => {
  lake = await buildLake();
}, 120_000);
afterAll(() => lake?.remove());

describe('writeDashboardHtml', () => {
  it('writes <lake>/dashboard.html: every visual of the spec with its data, nothing loaded from elsewhere', async () => {
    const { path } = await writeDashboardHtml({ lakeDir: lake.lakeDir });
    expect(path).toBe(join(lake.lakeDir, 'dashboard.html'));
    const html = readFileSync(path, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link |<img |@import|url\(http/);
    const page = embeddedPage(html);
    expect(page.mode).toBe('static');
    const ids = page.sheets.flatMap((s) => s.visuals.map((v) => v.id));
    expect(ids).toEqual(projectDashboard.sheets.flatMap((s) => s.visuals.map((v) => v.visual.id)));
    for (const visual of page.sheets.flatMap((s) => s.visuals)) {
      expect(page.data[visual.dataset]?.length, visual.id).toBeGreaterThan(0);
    }
  }, 60_000);

  it('holds the typed queries answers from the local lake', async () => {
    const { path } = await writeDashboardHtml({ lakeDir: lake.lakeDir });
    const page = embeddedPage(readFileSync(path, 'utf8'));
    const runner = await LocalQueryRunner.open({ lakeDir: lake.lakeDir });
    try {
      const summary = (await runner.run(lakeSummary)).rows[0]!;
      expect(page.data['lake-summary']![0]).toMatchObject({
        track_count: Number(summary.track_count),
        album_count: Number(summary.album_count),
        artist_count: Number(summary.artist_count),
      });
      const labels = (await runner.run(topLabels, { limit: 8, from_year: 1900, to_year: 2030 })).rows;
      expect(page.data['top-labels']!.map((r) => r.label)).toEqual(labels.map((r) => r.label));
    } finally {
      runner.close();
    }
  }, 60_000);

  it('draws a visual added to the spec in both outputs: the page and the QuickSight definition', async () => {
    const added = pieChart(lakeSummary, {
      id: 'added-visual',
      title: 'Added',
      category: 'first_release_date',
      value: 'row_count',
      layout: { columns: 12, rows: 6 },
    });
    const spec = defineDashboard({
      ...projectDashboard,
      sheets: [{ ...projectDashboard.sheets[0]!, visuals: [...projectDashboard.sheets[0]!.visuals, added] }],
    });
    const outFile = join(lake.lakeDir, 'with-added.html');
    await writeDashboardHtml({ lakeDir: lake.lakeDir, spec, outFile });
    const page = embeddedPage(readFileSync(outFile, 'utf8'));
    expect(page.sheets[0]!.visuals.map((v) => v.id)).toContain('added-visual');
    const definition = compileDefinition(toModel(spec, { database: 'spotify_prod' }), {
      dataSetArn: (id) => `arn:${id}`,
    });
    expect(JSON.stringify(definition)).toContain('"visualId":"added-visual"');
  }, 60_000);

  it('names the lake when it has no warehouse', async () => {
    await expect(writeDashboardHtml({ lakeDir: join(lake.lakeDir, 'nope') })).rejects.toThrow(
      /no local lake at .*nope/,
    );
    expect(existsSync(join(lake.lakeDir, 'nope', 'dashboard.html'))).toBe(false);
  });
});
