import { constants, copyFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  duckDbFileLiteral,
  runStagingFolder,
  SOURCE_NAMES,
  type SourceName,
  UnreadablePathError,
} from '@spotify-lake/contract';
import { asLakeFolderError, LakeFolderError } from '../lake/lake-errors';
import type { LakeRun } from '../lake/lake-run';
import { readCsvHeader } from './csv-header';
import { DataQualityError } from './data-quality';
import { EtlInputError } from './errors';
import { matchHeader } from './header-match';
import { findSourceFiles, type SourceFiles } from './input-files';
import { assertManifestInvariants, type EtlManifest, type RawRowCounts } from './manifest';
import type { EtlProgressListener } from './progress';
import type { SourceFile } from './raw-source';
import type { StagedFile } from './read-source';

/** What both engines do before running the ETL SQL: load it, find and check the inputs, stage them in the lake. */

/** Finds the input files and matches their headers, before the lake is touched. */
export async function planInputs(inputDir: string): Promise<PlannedInputs> {
  const files = await findSourceFiles(inputDir);
  const headers = {} as Record<SourceName, SourceFile[]>;
  for (const source of SOURCE_NAMES) {
    headers[source] = [];
    for (const path of files[source]) {
      headers[source].push({ path, header: matchHeader(source, path, await readCsvHeader(path)) });
    }
  }
  assertSameIgnoredColumns(headers);
  return { files, headers };
}
export type PlannedInputs = { files: SourceFiles; headers: Record<SourceName, SourceFile[]> };

/** A lake table holds one schema, so every file of a source must name the same extra columns. */
function assertSameIgnoredColumns(files: Record<SourceName, SourceFile[]>): void {
  for (const source of SOURCE_NAMES) {
    const [first, ...rest] = files[source];
    for (const other of rest) {
      if (other.header.ignored.join('\u0000') !== first!.header.ignored.join('\u0000')) {
        throw new EtlInputError(
          { file: other.path, row: 1 },
          `extra columns (${other.header.ignored.join(', ') || 'none'}) differ from ${first!.path} (${first!.header.ignored.join(', ') || 'none'})`,
        );
      }
    }
  }
}

/**
 * Copies the inputs into the run's staging folders (`staging/<source>/<run id>/`) and reads them from there, so
 * staging holds exactly what was read even if an input changes during the run. Copy-on-write where the file
 * system can. Files of one source with the same name (from a lake's staging, say) get a numbered name.
 */
export async function stageInputs(
  run: { readonly lake: LakeRun; readonly emit: EtlProgressListener },
  files: Record<SourceName, SourceFile[]>,
): Promise<Record<SourceName, StagedFile[]>> {
  const staged = {} as Record<SourceName, StagedFile[]>;
  for (const source of SOURCE_NAMES) {
    staged[source] = [];
    const used = new Set<string>();
    for (const [index, file] of files[source].entries()) {
      run.emit({ step: 'stage', source, file: file.path, message: `stage ${file.path}` });
      let name = basename(file.path);
      if (used.has(name)) name = `${String(index + 1).padStart(3, '0')}-${name}`;
      used.add(name);
      const relative = `${runStagingFolder(source, run.lake.runId)}${name}`;
      try {
        // DuckDB reads the staged copy: refuse, before copying, a path it could not read literally.
        duckDbFileLiteral(run.lake.path(relative));
      } catch (error) {
        if (!(error instanceof UnreadablePathError)) throw error;
        throw new LakeFolderError(run.lake.lakeDir, error.message, { cause: error });
      }
      const target = await run.lake.willCreate(relative);
      try {
        await copyFile(file.path, target, constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL);
      } catch (error) {
        const lakeError = asLakeFolderError(run.lake.lakeDir, `copy ${file.path} to staging`, error);
        if (lakeError !== error) throw lakeError;
        throw new EtlInputError({ file: file.path }, 'cannot be copied to staging', { cause: error });
      }
      staged[source].push({ path: target, header: file.header, relative, inputPath: file.path });
    }
  }
  return staged;
}

/** The end of a run, the same on both engines: the accounting, the data-quality verdict, then the commit. */
export async function commitRun(
  run: {
    readonly lake: LakeRun;
    readonly emit: EtlProgressListener;
    readonly signal: AbortSignal | undefined;
    /** Files derived from the new lake, written right after the commit while the run holds the lake (RunEtlOptions). */
    readonly afterCommit?: ((manifest: EtlManifest, lake: LakeRun) => Promise<void>) | undefined;
  },
  manifest: EtlManifest,
  rawRows: RawRowCounts,
  started: number,
): Promise<EtlManifest> {
  assertManifestInvariants(manifest, rawRows);
  if (manifest.dataQuality.verdict === 'fail') throw new DataQualityError(manifest.dataQuality);
  run.signal?.throwIfAborted();
  run.emit({ step: 'publish', lakeDir: run.lake.lakeDir, message: `publish to ${run.lake.lakeDir}` });
  const { afterCommit } = run;
  await run.lake.commit(manifest, afterCommit && (() => afterCommit(manifest, run.lake)));
  const ms = Math.round(performance.now() - started);
  run.emit({ step: 'done', ms, message: `done in ${(ms / 1000).toFixed(1)} s` });
  return manifest;
}

/** A run that failed or was stopped: what it wrote goes, and it rejects with why (the signal's reason if stopped). */
export async function abortRun(
  lake: LakeRun,
  signal: AbortSignal | undefined,
  error: unknown,
): Promise<never> {
  await lake.abort();
  if (signal?.aborted) throw signal.reason;
  throw asLakeFolderError(lake.lakeDir, 'write the lake', error);
}
