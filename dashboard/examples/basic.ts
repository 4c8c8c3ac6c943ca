// A dashboard of your own over the typed queries: one spec, deployed to QuickSight through @spotify-lake/bi's
// LakeDashboard (`toModel` gives its model) and drawn locally by `@spotify-lake/dashboard/local`.
import { barChart, defineDashboard, formats, lineChart, slider, toModel } from '@spotify-lake/dashboard';
import { genreCounts, releasesPerYear } from '@spotify-lake/queries';

const fromYear = slider({ id: 'from-year', title: 'From year', min: 1900, max: 2030, defaultValue: 1900 });

export const spec = defineDashboard({
  id: 'music',
  title: 'Music',
  sheets: [
    {
      id: 'main',
      title: 'Main',
      controls: [fromYear],
      visuals: [
        lineChart(releasesPerYear, {
          id: 'per-year',
          title: 'Releases per year',
          // A control of the parameter's type, or a fixed value.
          params: { from_year: fromYear },
          x: { field: 'release_year', label: 'Year', format: formats.year },
          // Columns of the query: a misspelt one does not compile.
          values: ['album_count', 'track_count'],
          layout: { columns: 36, rows: 10 },
        }),
        barChart(genreCounts, {
          id: 'genres',
          title: 'Genres',
          params: { limit: 12 },
          category: 'genre',
          value: 'artist_count',
          layout: { columns: 36, rows: 10 },
        }),
      ],
    },
  ],
});

/** What `new LakeDashboard(name, { model, ... })` of @spotify-lake/bi deploys, for the stack's Athena database. */
export const model = toModel(spec, { database: 'spotify_prod' });
