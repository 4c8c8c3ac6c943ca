import {
  type DataQualityFailureMode,
  GLUE_JOB_ARGUMENTS,
  type LAKE_ZONES,
  MANIFEST_FILE,
} from '@spotify-lake/contract';
import { type CodeBundle, s3Uri } from '../code/code-bundle';
import { glueRuntimeArguments } from './job-settings';

export interface JobArgumentInputs {
  bucket: string;
  zones: { readonly [Zone in keyof typeof LAKE_ZONES]: string };
  code: CodeBundle;
  dataQualityFailure: DataQualityFailureMode;
}

/**
 * The value of each argument the job parses (GLUE_JOB_ARGUMENTS of the contract), from the lake's zones: folders
 * as `s3://<bucket>/<zone>`, the manifest at the lake's root, the ETL SQL by its name in the working directory.
 * An argument the contract adds later takes its default; a required one this component cannot fill is an error
 * here rather than a failed run.
 */
export function etlJobArguments(inputs: JobArgumentInputs): Record<string, string> {
  const sql = inputs.code.files.find((f) => f.role === 'file' && f.name.endsWith('.sql'));
  const known: Record<string, string | undefined> = {
    staging_path: s3Uri(inputs.bucket, inputs.zones.staging),
    warehouse_path: s3Uri(inputs.bucket, inputs.zones.warehouse),
    quarantine_path: s3Uri(inputs.bucket, inputs.zones.quarantine),
    runs_path: s3Uri(inputs.bucket, inputs.zones.runs),
    manifest_path: s3Uri(inputs.bucket, MANIFEST_FILE),
    etl_sql: sql?.name,
    data_quality_failure: inputs.dataQualityFailure,
  };
  const result: Record<string, string> = {};
  for (const argument of GLUE_JOB_ARGUMENTS) {
    const value = known[argument.name] ?? argument.default;
    if (value === undefined) {
      throw new Error(
        `the Glue job requires --${argument.name} (${argument.description}), which GlueEtlJob cannot fill`,
      );
    }
    result[`--${argument.name}`] = value;
  }
  return result;
}

/** Every default argument of the job: Glue's own, where the code is, and the ETL's. */
export function jobDefaultArguments(inputs: JobArgumentInputs): Record<string, string> {
  const uris = (role: 'module' | 'file') =>
    inputs.code.files.filter((f) => f.role === role).map((f) => s3Uri(inputs.bucket, f.key));
  const modules = uris('module');
  return {
    ...glueRuntimeArguments(),
    ...(modules.length > 0 ? { '--extra-py-files': modules.join(',') } : {}),
    '--extra-files': uris('file').join(','),
    ...etlJobArguments(inputs),
  };
}
