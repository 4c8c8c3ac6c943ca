import {
  type DataQualityReport,
  GLUE_JOB_MANIFEST,
  QUARANTINE_REASONS,
  SOURCE_NAMES,
  type SourceName,
} from '@spotify-lake/contract';
import type { ReasonCounts } from '../local/manifest';

/** What the Glue job writes where --manifest_path says (its shape: GLUE_JOB_MANIFEST in the contract). */
export interface GlueJobManifest {
  readonly job: typeof GLUE_JOB_MANIFEST;
  readonly runId: string;
  readonly engine: 'glue' | 'spark';
  readonly files: { readonly staging: string[]; readonly warehouse: string[]; readonly quarantine: string[] };
  readonly etlSql: { readonly file: string; readonly sha256: string; readonly statements: number };
  readonly sources: Record<
    SourceName,
    { rows: number; accepted: number; quarantined: number; byReason: ReasonCounts; ignoredColumns: string[] }
  >;
  readonly warehouse: { readonly rows: number; readonly files: string[] };
  readonly quarantine: {
    readonly rows: number;
    readonly files: string[];
    readonly bySource: Record<SourceName, number>;
    readonly byReason: ReasonCounts;
  };
  readonly dataQuality: DataQualityReport;
  readonly timings: { readonly totalMs: number; readonly steps: { step: string; ms: number }[] };
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isStrings = (list: unknown): list is string[] =>
  Array.isArray(list) && list.every((item) => typeof item === 'string');

/**
 * Reads the job's manifest of a run, checking what the local runner relies on; throws naming the first problem
 * (a bug in the job or a mismatch between its version and this one, never bad input).
 */
export function parseGlueJobManifest(text: string, runId: string): GlueJobManifest {
  const m = JSON.parse(text) as GlueJobManifest;
  const problems: string[] = [];
  const marker = m.job as unknown as Record<string, unknown> | undefined;
  if (
    !marker ||
    marker.tool !== GLUE_JOB_MANIFEST.tool ||
    marker.manifest !== GLUE_JOB_MANIFEST.manifest ||
    marker.version !== GLUE_JOB_MANIFEST.version
  ) {
    problems.push(`it is not a Glue job manifest of version ${GLUE_JOB_MANIFEST.version}`);
  }
  if (m.runId !== runId) problems.push(`it is run ${m.runId}'s, not ${runId}'s`);
  for (const zone of ['staging', 'warehouse', 'quarantine'] as const) {
    if (!isStrings(m.files?.[zone])) problems.push(`files.${zone} is not a list of paths`);
  }
  for (const source of SOURCE_NAMES) {
    const s = m.sources?.[source];
    if (!s || !isCount(s.rows) || !isCount(s.accepted) || !isCount(s.quarantined)) {
      problems.push(`sources.${source} lacks its counts`);
      continue;
    }
    if (!QUARANTINE_REASONS.every((r) => isCount(s.byReason?.[r]))) {
      problems.push(`sources.${source}.byReason lacks a reason`);
    }
  }
  if (!isCount(m.warehouse?.rows) || !isCount(m.quarantine?.rows)) problems.push('output counts are missing');
  if (!Array.isArray(m.dataQuality?.results) || !['pass', 'warn', 'fail'].includes(m.dataQuality?.verdict)) {
    problems.push('dataQuality is not a data-quality report');
  }
  if (problems.length > 0) throw new Error(`the Spark job's manifest is unusable: ${problems.join('; ')}`);
  return m;
}
