export {
  ALBUM_ROWS_PER_ARTIST,
  DEFAULT_BAD_ROW_SHARE,
  DEFAULT_SEED,
  type GeneratedDataset,
  type GenerateOptions,
  generateDataset,
  MAX_BAD_ROW_SHARE,
  MAX_TRACKS,
  TRACK_REUSE_SHARE,
} from './generate-dataset';
export { SPOTIFY_ID_LENGTH, SPOTIFY_ID_PATTERN } from './ids';
export type { ExpectedOutcome } from './tally';
