import type { SourceName } from '@spotify-lake/contract';

/**
 * What a run is doing, reported before each step so that a caller can show where a long run is.
 * `message` is a ready-made one-line description; the other fields are for callers that format their own.
 */
export type EtlProgress =
  | { readonly step: 'stage'; readonly source: SourceName; readonly file: string; readonly message: string }
  | {
      readonly step: 'read';
      readonly source: SourceName;
      readonly file: string;
      readonly index: number;
      readonly of: number;
      readonly message: string;
    }
  | {
      readonly step: 'sql';
      readonly statement: string;
      readonly as: 'table' | 'view';
      readonly index: number;
      readonly of: number;
      readonly message: string;
    }
  | { readonly step: 'write'; readonly table: string; readonly message: string }
  | { readonly step: 'publish'; readonly lakeDir: string; readonly message: string }
  /** Repeated while a step runs long, so a big run never looks stuck. */
  | {
      readonly step: 'working';
      /** The running step, as named in the manifest's timings (e.g. `sql:resolved_albums`). */
      readonly on: string;
      readonly elapsedMs: number;
      /** DuckDB's estimate for the running query, when it has one. */
      readonly percent: number | undefined;
      readonly message: string;
    }
  | { readonly step: 'done'; readonly ms: number; readonly message: string };

export type EtlProgressListener = (event: EtlProgress) => void;
