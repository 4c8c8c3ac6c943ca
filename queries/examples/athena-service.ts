// A service that asks Athena for the warehouse's top artists, with rows typed from the data contract.
// Only the main entry is imported: the service installs neither DuckDB nor the local runner.
import { AthenaClient } from '@aws-sdk/client-athena';
import { AthenaQueryRunner, type QueryRow, topArtistsByFollowers } from '@spotify-lake/queries';

/** One row of the query, as the runner returns it: `followers` is a `bigint`, `artist_name` may be null. */
export type TopArtistRow = QueryRow<typeof topArtistsByFollowers>;

export interface TopArtist {
  name: string;
  followers: bigint;
  popularity: number;
}

/** The stack's workgroup (results location, encryption, scan cap) and database, e.g. from the stack's outputs. */
export interface LakeTarget {
  workgroup: string;
  database: string;
}

export async function topArtists(
  target: LakeTarget,
  limit: number,
  client = new AthenaClient({}),
): Promise<{ artists: TopArtist[]; costUsd: number }> {
  const runner = new AthenaQueryRunner({ client, workgroup: target.workgroup, database: target.database });
  const { rows, statistics } = await runner.run(topArtistsByFollowers, { limit });
  const artists = rows.map((row: TopArtistRow) => ({
    name: row.artist_name ?? row.artist_id,
    followers: row.followers,
    popularity: row.artist_popularity,
  }));
  return { artists, costUsd: statistics.costUsd };
}
