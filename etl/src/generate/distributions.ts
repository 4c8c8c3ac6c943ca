/**
 * Value distributions measured on the real Spotify 2023 sample (shared/data/spotify-2023-sample):
 * quantiles at the listed probabilities, sampled by inverse-CDF interpolation between them. This keeps
 * the skew of the real data (most popularity values near 0, followers spanning eight orders of
 * magnitude) without holding any of it.
 */
export class QuantileTable {
  private readonly probabilities: readonly number[];
  private readonly values: readonly number[];

  /**
   * @param knots (probability, value) pairs, probabilities rising from 0 to 1.
   * @param logScale interpolate in log1p space, for heavy-tailed measures.
   */
  constructor(
    knots: readonly (readonly [number, number])[],
    private readonly logScale = false,
  ) {
    if (knots[0]?.[0] !== 0 || knots[knots.length - 1]?.[0] !== 1) {
      throw new Error('quantile knots must start at probability 0 and end at 1');
    }
    this.probabilities = knots.map(([p]) => p);
    this.values = knots.map(([, v]) => (logScale ? Math.log1p(v) : v));
  }

  /** The value at quantile `u` in [0, 1). */
  at(u: number): number {
    let i = 1;
    while (i < this.probabilities.length - 1 && (this.probabilities[i] as number) <= u) i++;
    const p0 = this.probabilities[i - 1] as number;
    const p1 = this.probabilities[i] as number;
    const v0 = this.values[i - 1] as number;
    const v1 = this.values[i] as number;
    const v = v0 + ((v1 - v0) * (u - p0)) / (p1 - p0);
    return this.logScale ? Math.expm1(v) : v;
  }

  /** An integer at quantile `u`, never above the table's maximum. */
  intAt(u: number): number {
    return Math.floor(this.at(u));
  }
}

const P = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1] as const;
const table = (values: readonly number[], logScale = false) =>
  new QuantileTable(
    P.map((p, i) => [p, values[i] as number] as const),
    logScale,
  );

/** Artist popularity: a quarter of artists at 0, median 7, p99 73. */
export const ARTIST_POPULARITY = table([0, 0, 0.9, 7.9, 26.9, 45.9, 73.9, 100.9]);
/** Followers: median ~300, p90 ~67k, max ~116M. */
export const FOLLOWERS = table([0, 7, 38, 302, 4440, 66624, 5201982, 115998928], true);
/** Track popularity: half the tracks at 0-2. */
export const TRACK_POPULARITY = table([0, 0, 0.9, 2.9, 16.9, 34.9, 66.9, 95.9]);
/** Album popularity: median 9. */
export const ALBUM_POPULARITY = table([0, 0.9, 1.9, 9.9, 29.9, 51.9, 77.9, 98.9]);
/** Track length in ms: median ~3.4 min, a long tail of hour-long recordings. */
export const DURATION_MS = table([850, 113831, 160488, 204933, 250619, 310878, 547106, 4_000_000], true);
/** Release years: half the albums since 2017, a thin tail back to 1900. */
export const RELEASE_YEAR = new QuantileTable([
  [0, 1900],
  [0.01, 1966],
  [0.02, 1973],
  [0.05, 1991],
  [0.1, 2000],
  [0.2, 2008],
  [0.3, 2012],
  [0.4, 2014],
  [0.5, 2017],
  [0.6, 2019],
  [0.7, 2021],
  [0.8, 2022],
  [1, 2023.99],
]);

/** Tracks per album: a third are singles, the mean (~5.6) matches the full Kaggle set. */
export function tracksOnAlbum(u: number, v: number): number {
  if (u < 0.35) return 1;
  if (u < 0.7) return 2 + Math.floor(v * 5);
  return 7 + Math.floor(v * 12);
}
/** Mean of tracksOnAlbum: 0.35 * 1 + 0.35 * 4 + 0.3 * 12.5. */
export const MEAN_TRACKS_PER_ALBUM = 5.5;
