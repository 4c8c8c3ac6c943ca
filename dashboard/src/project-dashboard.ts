import type { DashboardModel } from '@spotify-lake/bi';
import {
  albumPopularityHistogram,
  avgTrackPopularityByAlbum,
  genreCounts,
  lakeSummary,
  releasesPerYear,
  topArtistsByFollowers,
  topLabels,
} from '@spotify-lake/queries';
import { toModel } from './model/to-model';
import { dropdown, slider } from './spec/controls';
import { defineDashboard } from './spec/dashboard-spec';
import { formats } from './spec/fields';
import { barChart, histogram, horizontalBarChart, kpi, lineChart, pieChart, table } from './spec/visuals';

/** Release years shown by the year controls: the contract accepts 1000-9999, the catalog's music starts later. */
export const fromYear = slider({
  id: 'from-year',
  title: 'From year',
  min: 1900,
  max: 2030,
  defaultValue: 1900,
});
export const toYear = slider({ id: 'to-year', title: 'To year', min: 1900, max: 2030, defaultValue: 2030 });
/** `''` is the queries' "any genre". */
export const genre = dropdown({
  id: 'genre',
  title: 'Genre',
  choices: { query: genreCounts, field: 'genre', params: { limit: 200 } },
  defaultValue: '',
  defaultLabel: 'Any genre',
});

/** A KPI of the KPI row: one count of the lake's summary, a third of the width. */
const lakeKpi = (id: string, field: 'track_count' | 'album_count' | 'artist_count', title: string) =>
  kpi(lakeSummary, {
    id,
    title,
    value: { field, label: title, format: formats.integer },
    layout: { columns: 12, rows: 4 },
  });

/**
 * What the tutorial's users looked at in QuickSight, as code: the lake's size, top artists, genres, releases per
 * year, album popularity, labels and the best-rated albums.
 */
export const projectDashboard = defineDashboard({
  id: 'spotify-lake',
  title: 'Spotify lake',
  sheets: [
    {
      id: 'overview',
      title: 'Overview',
      controls: [fromYear, toYear, genre],
      visuals: [
        lakeKpi('kpi-tracks', 'track_count', 'Tracks'),
        lakeKpi('kpi-albums', 'album_count', 'Albums'),
        lakeKpi('kpi-artists', 'artist_count', 'Artists'),
        horizontalBarChart(topArtistsByFollowers, {
          id: 'top-artists',
          title: 'Top artists by followers',
          subtitle: 'Follows the genre control',
          params: { limit: 10, genre },
          category: { field: 'artist_name', label: 'Artist' },
          value: { field: 'followers', label: 'Followers', format: formats.compact },
          sort: { by: 'value', direction: 'desc' },
          limit: 10,
          layout: { columns: 18, rows: 10 },
        }),
        barChart(genreCounts, {
          id: 'genre-counts',
          title: 'Artists per genre',
          params: { limit: 12 },
          category: { field: 'genre', label: 'Genre' },
          value: { field: 'artist_count', label: 'Artists', format: formats.integer },
          sort: { by: 'value', direction: 'desc' },
          limit: 12,
          layout: { columns: 18, rows: 10 },
        }),
        lineChart(releasesPerYear, {
          id: 'releases-per-year',
          title: 'Releases per year',
          subtitle: 'Follows the year controls',
          params: { from_year: fromYear, to_year: toYear },
          x: { field: 'release_year', label: 'Year', format: formats.year },
          values: [
            { field: 'album_count', label: 'Albums', format: formats.integer },
            { field: 'track_count', label: 'Album tracks', format: formats.integer },
          ],
          layout: { columns: 24, rows: 10 },
        }),
        pieChart(topLabels, {
          id: 'top-labels',
          title: 'Top labels by albums',
          params: { limit: 8, from_year: fromYear, to_year: toYear },
          category: { field: 'label', label: 'Label' },
          value: { field: 'album_count', label: 'Albums', format: formats.integer },
          donut: true,
          limit: 8,
          layout: { columns: 12, rows: 10 },
        }),
        histogram(albumPopularityHistogram, {
          id: 'album-popularity',
          title: 'Album popularity distribution',
          params: { bucket_width: 10 },
          binStart: { field: 'bucket_start', label: 'Album popularity' },
          binEnd: { field: 'bucket_end', label: 'to' },
          count: { field: 'album_count', label: 'Albums', format: formats.integer },
          layout: { columns: 18, rows: 10 },
        }),
        table(avgTrackPopularityByAlbum, {
          id: 'album-track-popularity',
          title: 'Average track popularity by album',
          params: { limit: 10, min_tracks: 2 },
          columns: [
            { field: 'album_name', label: 'Album' },
            { field: 'track_count', label: 'Tracks', format: formats.integer },
            { field: 'avg_track_popularity', label: 'Avg. track popularity', format: formats.oneDecimal },
          ],
          sort: { column: 'avg_track_popularity', direction: 'desc' },
          limit: 10,
          layout: { columns: 18, rows: 10 },
        }),
      ],
    },
  ],
});

/** How the deployed datasets get their rows: Athena on every view, or SPICE refreshed on a schedule. */
export type DashboardImportMode = 'direct' | 'spice';

/**
 * The project dashboard's model for a deployment: over the stack's Glue database, and with SPICE its controls fixed
 * at their defaults (a SPICE dataset runs its SQL once per refresh, so a control cannot change it). The stack
 * deploys this model and the drift check compares the deployed dashboard with it, so the two cannot disagree.
 */
export function projectDashboardModel(database: string, importMode: DashboardImportMode): DashboardModel {
  return toModel(projectDashboard, { database }, { fixControls: importMode === 'spice' });
}
