import type { SourceName } from '@spotify-lake/contract';

/** Glue allows 255 characters; Athena reads unquoted names only when they are lowercase `[a-z0-9_]`. */
export const GLUE_DATABASE_NAME_MAX_LENGTH = 255;
/** Starting with a letter keeps the name usable unquoted in Athena SQL (`FROM db.datawarehouse`). */
const GLUE_DATABASE_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Athena's rule for workgroup names. */
export const WORKGROUP_NAME_MAX_LENGTH = 128;
const WORKGROUP_NAME_PATTERN = /^[a-zA-Z0-9._-]+$/;

/** Name of the catalog table over one source's CSV folder: `staging_albums`. */
export function stagingTableName<S extends SourceName>(source: S): `staging_${S}` {
  return `staging_${source}`;
}

/**
 * Default Glue database name: `<component>_<stack>` made lowercase `[a-z0-9_]`, so two instances or two stacks in one
 * account never share a database. A name that would not start with a letter gets a `lake_` prefix.
 */
export function defaultDatabaseName(componentName: string, stack: string): string {
  const sanitised = `${componentName}_${stack}`
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  const named = /^[a-z]/.test(sanitised) ? sanitised : `lake_${sanitised}`.replace(/_+$/, '');
  return named.slice(0, GLUE_DATABASE_NAME_MAX_LENGTH).replace(/_+$/, '');
}

/** Throws a message naming `option` when `name` is not a Glue database name Athena can use unquoted. */
export function assertGlueDatabaseName(name: string, option = 'databaseName'): void {
  if (name.length === 0 || name.length > GLUE_DATABASE_NAME_MAX_LENGTH) {
    throw new Error(`${option} must be 1-${GLUE_DATABASE_NAME_MAX_LENGTH} characters; got ${name.length}`);
  }
  if (!GLUE_DATABASE_NAME_PATTERN.test(name)) {
    throw new Error(
      `${option} "${name}" must be lowercase letters, digits and underscores, starting with a letter (Glue and unquoted Athena names)`,
    );
  }
}

/** Default Athena workgroup name: `<component>-<stack>` reduced to the characters Athena accepts. */
export function defaultWorkgroupName(componentName: string, stack: string): string {
  const sanitised = `${componentName}-${stack}`.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/-+/g, '-');
  return sanitised.slice(0, WORKGROUP_NAME_MAX_LENGTH);
}

/** Throws a message naming `option` when `name` is not a valid Athena workgroup name. */
export function assertWorkgroupName(name: string, option = 'workgroupName'): void {
  if (name.length === 0 || name.length > WORKGROUP_NAME_MAX_LENGTH || !WORKGROUP_NAME_PATTERN.test(name)) {
    throw new Error(
      `${option} "${name}" must be 1-${WORKGROUP_NAME_MAX_LENGTH} characters of letters, digits, '.', '_' and '-'`,
    );
  }
}
