/**
 * A lake folder the tool cannot or must not write: someone else's folder, a dangerous target, a lake another run
 * holds, or a file-system error that is the user's to fix (disk full, permission denied, read-only). Printed as
 * one line naming the folder and the cause; the previous lake is left as it was.
 */
export class LakeFolderError extends Error {
  readonly lakeDir: string;
  /** The file-system error code behind it, e.g. ENOSPC, when there is one. */
  readonly code: string | undefined;

  constructor(lakeDir: string, problem: string, options?: { cause?: unknown; code?: string }) {
    super(`${lakeDir}: ${problem}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LakeFolderError';
    this.lakeDir = lakeDir;
    this.code = options?.code;
  }
}

/** File-system errors the user fixes (space, permissions, read-only media), with what to say about each. */
const USER_FS_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'a path is too long',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is where a file should be',
};

/** DuckDB reports I/O failures as text; these phrases are the same user-fixable causes. */
const DUCKDB_FS_PHRASES: [RegExp, string][] = [
  [/No space left on device/i, 'ENOSPC'],
  [/Disk quota exceeded/i, 'EDQUOT'],
  [/Permission denied/i, 'EACCES'],
  [/Read-only file system/i, 'EROFS'],
];

/** The user-fixable file-system error code behind `error` (a Node fs error or a DuckDB I/O error), if any. */
export function userFsErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code in USER_FS_ERRORS) return code;
  const message = error instanceof Error ? error.message : String(error);
  return DUCKDB_FS_PHRASES.find(([phrase]) => phrase.test(message))?.[1];
}

/**
 * Turns a user-fixable file-system error met while writing the lake into a LakeFolderError naming the folder and
 * the cause; any other error is returned as it was.
 */
export function asLakeFolderError(lakeDir: string, doing: string, error: unknown): unknown {
  if (error instanceof LakeFolderError) return error;
  const code = userFsErrorCode(error);
  if (code === undefined) return error;
  return new LakeFolderError(lakeDir, `cannot ${doing}: ${USER_FS_ERRORS[code]} (${code})`, {
    cause: error,
    code,
  });
}
