import { placeOnGrid } from '@spotify-lake/bi';
import { describe, expect, it } from 'vitest';
import { buildPageModel, choicesOf } from '../../src/local/page-model';
import { contentSecurityPolicy, renderHtml, scriptJson } from '../../src/local/render-html';
import { vegaLiteSpec } from '../../src/local/vega-lite-specs';
import { toModel } from '../../src/model/to-model';
import { projectDashboard } from '../../src/project-dashboard';

const model = toModel(projectDashboard, { database: 'main' });
const data = {
  'genre-counts-2': [
    { genre: 'pop', row_count: 3, artist_count: 2 },
    { genre: 'jazz', row_count: 1, artist_count: 1 },
  ],
};
const page = buildPageModel({
  model,
  data,
  controlValues: { 'from-year': 1990 },
  mode: 'static',
  lake: '/lake',
  generatedAt: new Date(0),
});
const visual = (id: string) => model.sheets[0]!.visuals.find((v) => v.id === id)!;
const dataset = (id: string) => model.datasets.find((d) => d.id === visual(id).dataset)!;
// biome-ignore lint/suspicious/noExplicitAny: a Vega-Lite spec is JSON, read field by field
const specOf = (id: string) => vegaLiteSpec(visual(id), dataset(id)) as Record<string, any>;

describe('buildPageModel', () => {
  it('places the visuals on the same grid as the QuickSight definition', () => {
    expect(page.sheets[0]!.visuals.map((v) => v.grid)).toEqual(placeOnGrid(model.sheets[0]!.visuals));
  });

  it('gives charts a Vega-Lite spec and KPIs and tables their fields', () => {
    const kinds = Object.fromEntries(
      page.sheets[0]!.visuals.map((v) => [v.id, [v.kind, v.spec !== undefined, v.fields?.length]]),
    );
    expect(kinds).toMatchObject({
      'kpi-tracks': ['kpi', false, 1],
      'top-artists': ['bar', true, undefined],
      'album-track-popularity': ['table', false, 3],
    });
  });

  it('shows the controls with their values, drop-down choices from their dataset after the default', () => {
    expect(page.controls).toEqual([
      {
        id: 'genre',
        title: 'Genre',
        kind: 'dropdown',
        value: '',
        options: [
          { value: '', label: 'Any genre' },
          { value: 'jazz', label: 'jazz' },
          { value: 'pop', label: 'pop' },
        ],
      },
      { id: 'from-year', title: 'From year', kind: 'slider', value: 1990, min: 1900, max: 2030, step: 1 },
      { id: 'to-year', title: 'To year', kind: 'slider', value: 2030, min: 1900, max: 2030, step: 1 },
    ]);
    expect(choicesOf([{ g: 'b' }, { g: null }, { g: 'a' }, { g: 'b' }, { g: '' }], 'g')).toEqual(['a', 'b']);
  });
});

describe('vegaLiteSpec', () => {
  it('draws a horizontal bar chart sorted and limited as the spec says, titled by the labels', () => {
    const spec = specOf('top-artists');
    expect(spec.mark).toMatchObject({ type: 'bar' });
    expect(spec.encoding.y).toMatchObject({
      field: 'artist_name',
      type: 'nominal',
      title: 'Artist',
      sort: { field: 'followers', order: 'descending' },
    });
    expect(spec.encoding.x).toMatchObject({
      field: 'followers',
      type: 'quantitative',
      title: 'Followers',
      axis: { format: '.3~s' },
    });
    expect(spec.transform).toEqual([
      { window: [{ op: 'row_number', as: '__rank' }], sort: [{ field: 'followers', order: 'descending' }] },
      { filter: 'datum.__rank <= 10' },
    ]);
  });

  it('draws a line per value, a donut, a histogram, and nothing for KPIs and tables', () => {
    const line = specOf('releases-per-year');
    expect(line.transform[0]).toEqual({ fold: ['album_count', 'track_count'], as: ['__column', '__value'] });
    expect(line.encoding.x).toMatchObject({
      field: 'release_year',
      type: 'quantitative',
      title: 'Year',
      axis: { format: '.0f' },
    });
    const donut = specOf('top-labels');
    expect(donut.mark).toMatchObject({ type: 'arc', innerRadius: 45 });
    const bins = specOf('album-popularity');
    expect(bins.encoding.x).toMatchObject({ field: 'bucket_start', bin: { binned: true } });
    expect(bins.encoding.x2).toEqual({ field: 'bucket_end' });
    expect(vegaLiteSpec(visual('kpi-tracks'), dataset('kpi-tracks'))).toBeUndefined();
  });
});

describe('renderHtml', () => {
  it('inlines everything, escapes the data, and forbids any network request in a static page', () => {
    const html = renderHtml({ ...page, title: '</script><b>x' }, 'console.log("</script>")');
    expect(html).toContain('<title>&lt;/script&gt;&lt;b&gt;x</title>');
    expect(html).toContain(scriptJson('</script><b>x').slice(1, -1));
    expect(html).not.toMatch(/<script[^>]+src=|<link /);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(contentSecurityPolicy('static')).toContain("connect-src 'none'");
    expect(contentSecurityPolicy('live')).toContain("connect-src 'self'");
    expect(contentSecurityPolicy('static')).toContain("default-src 'none'");
  });
});
