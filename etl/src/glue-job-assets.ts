import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ETL_SQL_PATH } from './local/etl-sql-file';

/** The Glue job's folder, shipped with the package (`files` includes `glue-job/`). */
export const GLUE_JOB_DIR = join(__dirname, '..', 'glue-job');
/** The script Glue runs; every other module of the folder is shipped beside it with `--extra-py-files`. */
export const GLUE_JOB_ENTRYPOINT = 'spotify_etl_job.py';

/** Absolute paths of what a Glue job deployment uploads. */
export interface GlueJobAssets {
  /** The entry script (`Command.ScriptLocation`). */
  script: string;
  /** The job's other Python modules (`--extra-py-files`), sorted by name. */
  pythonModules: string[];
  /** Files Glue copies to the working directory (`--extra-files`): the ETL SQL. */
  files: string[];
}

/**
 * The files of the Glue job, for a deployment to upload: its script, its modules (every `.py` of the folder, so a
 * new module ships without a change here) and the ETL SQL. Loads no DuckDB: import `@spotify-lake/etl/glue-job`.
 */
export function glueJobAssets(): GlueJobAssets {
  const modules = readdirSync(GLUE_JOB_DIR)
    .filter((file) => file.endsWith('.py'))
    .sort();
  if (!modules.includes(GLUE_JOB_ENTRYPOINT)) {
    throw new Error(`glueJobAssets: ${GLUE_JOB_DIR} has no ${GLUE_JOB_ENTRYPOINT}`);
  }
  if (!existsSync(ETL_SQL_PATH)) throw new Error(`glueJobAssets: ${ETL_SQL_PATH} is missing`);
  return {
    script: join(GLUE_JOB_DIR, GLUE_JOB_ENTRYPOINT),
    pythonModules: modules.filter((m) => m !== GLUE_JOB_ENTRYPOINT).map((m) => join(GLUE_JOB_DIR, m)),
    files: [ETL_SQL_PATH],
  };
}
