import { compileDefinition, validateDashboardModel, visualFields } from '@spotify-lake/bi';
import { genreCounts, releasesPerYear } from '@spotify-lake/queries';
import { describe, expect, it } from 'vitest';
import { parameterName, toModel } from '../../src/model/to-model';
import { fromYear, projectDashboard } from '../../src/project-dashboard';
import { defineDashboard } from '../../src/spec/dashboard-spec';
import { barChart, lineChart } from '../../src/spec/visuals';

const target = { database: 'spotify_prod' };
const model = () => toModel(projectDashboard, target);
const arns = {
  dataSetArn: (id: string) => `arn:aws:quicksight:eu-west-1:123456789012:dataset/spotify-prod-${id}`,
};

describe('toModel(projectDashboard)', () => {
  it('is a valid model for direct query, with at least six visuals plus three KPIs and two controls', () => {
    const m = model();
    expect(() => validateDashboardModel(m, { importMode: 'DIRECT_QUERY' })).not.toThrow();
    const visuals = m.sheets.flatMap((s) => s.visuals);
    expect(visuals.filter((v) => v.kind === 'kpi').map((v) => v.id)).toEqual([
      'kpi-tracks',
      'kpi-albums',
      'kpi-artists',
    ]);
    expect(visuals.filter((v) => v.kind !== 'kpi').length).toBeGreaterThanOrEqual(6);
    expect(new Set(visuals.map((v) => v.kind))).toEqual(
      new Set(['kpi', 'bar', 'line', 'pie', 'histogram', 'table']),
    );
    expect(visuals.some((v) => v.kind === 'bar' && v.orientation === 'horizontal')).toBe(true);
    expect(m.controls.map((c) => [c.id, c.parameter, c.kind])).toEqual([
      ['genre', 'genre', 'dropdown'],
      ['from-year', 'fromYear', 'slider'],
      ['to-year', 'toYear', 'slider'],
    ]);
  });

  it('has unique visual ids and every field a column of its dataset', () => {
    const m = model();
    const visuals = m.sheets.flatMap((s) => s.visuals);
    expect(new Set(visuals.map((v) => v.id)).size).toBe(visuals.length);
    for (const visual of visuals) {
      const columns = m.datasets.find((d) => d.id === visual.dataset)!.columns.map((c) => c.name);
      for (const { field } of visualFields(visual))
        expect(columns, `${visual.id}.${field.column}`).toContain(field.column);
    }
  });

  it('shares one dataset between the KPIs, and types columns from the contract', () => {
    const m = model();
    const kpis = m.sheets[0]!.visuals.filter((v) => v.kind === 'kpi');
    expect(new Set(kpis.map((v) => v.dataset))).toEqual(new Set(['lake-summary']));
    expect(m.datasets.find((d) => d.id === 'top-artists-by-followers')!.columns).toEqual([
      { name: 'artist_id', type: 'string' },
      { name: 'artist_name', type: 'string' },
      { name: 'followers', type: 'bigint' },
      { name: 'artist_popularity', type: 'int' },
      { name: 'genre', type: 'string' },
    ]);
  });

  it('writes Athena SQL: fixed parameters as literals, controls as dataset parameters', () => {
    const m = model();
    const artists = m.datasets.find((d) => d.id === 'top-artists-by-followers')!;
    expect(artists.sql).toContain('"AwsDataCatalog"."spotify_prod"."datawarehouse"');
    expect(artists.sql).toContain('WHERE row_num <= 10');
    expect(artists.sql).toContain("AND <<$genre>> IN ('', genre)");
    expect(artists.sql).not.toContain('?');
    expect(artists.parameters).toEqual([
      { name: 'genre', type: 'string', defaultValue: '', control: 'genre' },
    ]);
    const releases = m.datasets.find((d) => d.id === 'releases-per-year')!;
    expect(releases.sql).toContain('WHERE release_year BETWEEN <<$fromYear>> AND <<$toYear>>');
    expect(releases.parameters.map((p) => [p.name, p.control, p.defaultValue])).toEqual([
      ['fromYear', 'from-year', 1900],
      ['toYear', 'to-year', 2030],
    ]);
    // The genre drop-down's choices come from their own dataset, with its fixed limit.
    const genres = m.controls.find((c) => c.id === 'genre')!;
    expect(genres).toMatchObject({ valuesFrom: { dataset: 'genre-counts-2', column: 'genre' } });
    expect(m.datasets.find((d) => d.id === 'genre-counts-2')!.sql).toContain('WHERE row_num <= 200');
  });

  it('compiles to a QuickSight definition (snapshot)', () => {
    expect(compileDefinition(model(), arns)).toMatchSnapshot();
  });

  it('puts a visual added to the spec into the model and the definition', () => {
    const extra = barChart(releasesPerYear, {
      id: 'albums-per-year',
      title: 'Albums per year',
      params: { from_year: fromYear },
      category: 'release_year',
      value: 'album_count',
      layout: { columns: 36, rows: 8 },
    });
    const spec = defineDashboard({
      ...projectDashboard,
      sheets: [{ ...projectDashboard.sheets[0]!, visuals: [...projectDashboard.sheets[0]!.visuals, extra] }],
    });
    const definition = JSON.stringify(compileDefinition(toModel(spec, target), arns));
    expect(definition).toContain('"visualId":"albums-per-year"');
    expect(JSON.stringify(compileDefinition(model(), arns))).not.toContain('albums-per-year');
  });

  it('names the visual and the query when a parameter does not exist', () => {
    const spec = defineDashboard({
      id: 'broken',
      title: 'Broken',
      sheets: [
        {
          id: 's',
          title: 'S',
          visuals: [
            lineChart(genreCounts, {
              id: 'v',
              title: 'V',
              // @ts-expect-error limt is not a parameter of genre-counts
              params: { limt: 3 },
              x: 'genre',
              values: ['row_count'],
              layout: { columns: 36, rows: 8 },
            }),
          ],
        },
      ],
    });
    expect(() => toModel(spec, target)).toThrow(
      'dashboard "broken", visual "v": query "genre-counts" has no parameter "limt" (its parameters: limit)',
    );
  });

  it('fixes the controls at their defaults for SPICE, which then accepts the model', () => {
    const fixed = toModel(projectDashboard, target, { fixControls: true });
    expect(fixed.controls).toEqual([]);
    expect(fixed.sheets[0]!.controls).toEqual([]);
    expect(fixed.datasets.every((d) => d.parameters.length === 0)).toBe(true);
    expect(fixed.datasets.find((d) => d.id === 'releases-per-year')!.sql).toContain(
      'WHERE release_year BETWEEN 1900 AND 2030',
    );
    expect(fixed.datasets.find((d) => d.id === 'top-artists-by-followers')!.sql).toContain(
      "AND '' IN ('', genre)",
    );
    expect(() => validateDashboardModel(fixed, { importMode: 'SPICE' })).not.toThrow();
    expect(() => validateDashboardModel(model(), { importMode: 'SPICE' })).toThrow(/SPICE cannot express/);
  });

  it('turns ids and snake_case names into QuickSight parameter names', () => {
    expect(parameterName('from-year')).toBe('fromYear');
    expect(parameterName('min_tracks')).toBe('minTracks');
  });
});
