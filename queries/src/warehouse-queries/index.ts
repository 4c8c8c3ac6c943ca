import type { AnyQuery } from '../define/query';
import {
  albumPopularityHistogram,
  albumsWithMostTracks,
  avgTrackPopularityByAlbum,
  releasesByWeekday,
  releasesPerYear,
  topLabels,
} from './albums';
import { genreCounts, popularityVsFollowers, topArtistsByFollowers, topArtistsByPopularity } from './artists';
import { lakeSummary } from './overview';
import { trackDurationHistogram, trackSearch } from './tracks';

export * from './albums';
export * from './artists';
export * from './overview';
export * from './tracks';

/** Every query of the catalog, in the order `--list` shows them. */
export const QUERIES: readonly AnyQuery[] = [
  topArtistsByFollowers,
  topArtistsByPopularity,
  popularityVsFollowers,
  genreCounts,
  albumsWithMostTracks,
  avgTrackPopularityByAlbum,
  albumPopularityHistogram,
  releasesPerYear,
  releasesByWeekday,
  topLabels,
  trackDurationHistogram,
  trackSearch,
  lakeSummary,
];

const duplicates = QUERIES.map((q) => q.name).filter((name, i, all) => all.indexOf(name) !== i);
if (duplicates.length > 0) throw new Error(`query names must be unique; repeated: ${duplicates.join(', ')}`);

export function findQuery(name: string): AnyQuery {
  const query = QUERIES.find((q) => q.name === name);
  if (!query)
    throw new Error(`no query named "${name}"; run with --list to see the ${QUERIES.length} queries`);
  return query;
}
