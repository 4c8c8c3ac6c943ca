import type { DashboardModel } from '../../src/model/dashboard-model';

/** A model with every visual kind, both control kinds, and datasets with and without parameters. */
export function sampleModel(): DashboardModel {
  return {
    id: 'sample',
    title: 'Sample dashboard',
    datasets: [
      {
        id: 'top-artists',
        name: 'Top artists',
        sql: `SELECT artist_name, followers FROM "AwsDataCatalog"."db"."datawarehouse" WHERE <<$genre>> IN ('', genre) ORDER BY followers DESC`,
        columns: [
          { name: 'artist_name', type: 'string' },
          { name: 'followers', type: 'bigint' },
        ],
        parameters: [{ name: 'genre', type: 'string', defaultValue: '', control: 'genre' }],
      },
      {
        id: 'genres',
        name: 'Genres',
        sql: 'SELECT genre, count(*) AS row_count FROM "AwsDataCatalog"."db"."datawarehouse" GROUP BY genre',
        columns: [
          { name: 'genre', type: 'string' },
          { name: 'row_count', type: 'bigint' },
        ],
        parameters: [],
      },
      {
        id: 'releases',
        name: 'Releases per year',
        sql: 'SELECT release_year, count(*) AS album_count, count(*) AS track_count FROM "AwsDataCatalog"."db"."datawarehouse" WHERE release_year >= <<$fromYear>> GROUP BY 1',
        columns: [
          { name: 'release_year', type: 'int' },
          { name: 'album_count', type: 'bigint' },
          { name: 'track_count', type: 'bigint' },
        ],
        parameters: [{ name: 'fromYear', type: 'integer', defaultValue: 1000, control: 'from-year' }],
      },
      {
        id: 'buckets',
        name: 'Popularity buckets',
        sql: 'SELECT 0 AS bucket_start, 9 AS bucket_end, 3 AS album_count',
        columns: [
          { name: 'bucket_start', type: 'int' },
          { name: 'bucket_end', type: 'int' },
          { name: 'album_count', type: 'bigint' },
        ],
        parameters: [],
      },
      {
        id: 'summary',
        name: 'Summary',
        sql: 'SELECT count(*) AS track_count, min(release_date) AS first_release_date FROM "AwsDataCatalog"."db"."datawarehouse"',
        columns: [
          { name: 'track_count', type: 'bigint' },
          { name: 'first_release_date', type: 'date' },
        ],
        parameters: [],
      },
    ],
    controls: [
      {
        id: 'from-year',
        parameter: 'fromYear',
        title: 'From year',
        kind: 'slider',
        type: 'integer',
        defaultValue: 1000,
        min: 1000,
        max: 2030,
        step: 1,
      },
      {
        id: 'genre',
        parameter: 'genre',
        title: 'Genre',
        kind: 'dropdown',
        type: 'string',
        defaultValue: '',
        defaultLabel: 'Any genre',
        valuesFrom: { dataset: 'genres', column: 'genre' },
      },
    ],
    sheets: [
      {
        id: 'overview',
        title: 'Overview',
        controls: ['from-year', 'genre'],
        visuals: [
          {
            id: 'tracks',
            kind: 'kpi',
            title: 'Tracks',
            dataset: 'summary',
            value: { column: 'track_count', label: 'Tracks', format: { kind: 'number', thousands: true } },
            layout: { columnSpan: 12, rowSpan: 4 },
          },
          {
            id: 'first-release',
            kind: 'table',
            title: 'First release',
            dataset: 'summary',
            columns: [
              {
                column: 'first_release_date',
                label: 'First release',
                format: { kind: 'date', pattern: 'YYYY-MM-DD' },
              },
            ],
            layout: { columnSpan: 24, rowSpan: 4 },
          },
          {
            id: 'artists',
            kind: 'bar',
            orientation: 'horizontal',
            title: 'Top artists',
            subtitle: 'by followers',
            dataset: 'top-artists',
            category: { column: 'artist_name', label: 'Artist' },
            value: { column: 'followers', label: 'Followers', format: { kind: 'number', compact: true } },
            sort: { by: 'value', direction: 'desc' },
            limit: 10,
            layout: { columnSpan: 18, rowSpan: 10 },
          },
          {
            id: 'genre-bars',
            kind: 'bar',
            orientation: 'vertical',
            title: 'Genres',
            dataset: 'genres',
            category: { column: 'genre' },
            value: { column: 'row_count' },
            layout: { columnSpan: 18, rowSpan: 10 },
          },
          {
            id: 'genre-share',
            kind: 'pie',
            donut: true,
            title: 'Genre share',
            dataset: 'genres',
            category: { column: 'genre' },
            value: { column: 'row_count' },
            limit: 8,
            layout: { columnSpan: 12, rowSpan: 10 },
          },
          {
            id: 'per-year',
            kind: 'line',
            title: 'Releases per year',
            dataset: 'releases',
            x: { column: 'release_year', label: 'Year' },
            values: [
              { column: 'album_count', label: 'Albums' },
              { column: 'track_count', label: 'Tracks' },
            ],
            layout: { columnSpan: 24, rowSpan: 10 },
          },
          {
            id: 'popularity',
            kind: 'histogram',
            title: 'Album popularity',
            dataset: 'buckets',
            binStart: { column: 'bucket_start', label: 'Popularity' },
            binEnd: { column: 'bucket_end' },
            count: { column: 'album_count', label: 'Albums' },
            layout: { columnSpan: 36, rowSpan: 8 },
          },
        ],
      },
    ],
  };
}

/** A deep copy that a test may change freely. */
export const mutableModel = () => JSON.parse(JSON.stringify(sampleModel()));
