import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { GlueEtlJobCode } from '../glue-etl-job-args';

/** How a file of the job ships: the entry script, a module beside it, or a file in the working directory. */
export type CodeRole = 'script' | 'module' | 'file';

export interface CodeFile {
  role: CodeRole;
  /** Absolute path on the deploying machine. */
  path: string;
  /** File name, which is also its name in the job's working directory. */
  name: string;
  /** Object key in the lake: `<scripts zone><component>/<hash>/<name>`. */
  key: string;
}

/** The job's files with their keys, and the hash of the whole tree that the keys carry. */
export interface CodeBundle {
  /** First 16 hex digits of the SHA-256 of every file's role, name and bytes. */
  hash: string;
  /** `<scripts zone><component>/<hash>/` */
  prefix: string;
  files: CodeFile[];
}

const FILE_NAME = /^[A-Za-z0-9_.-]+$/;

/** The files in a stable order (script, then modules and files by name), so the hash ignores list order. */
function listed(code: GlueEtlJobCode): { role: CodeRole; path: string }[] {
  const byName = (paths: readonly string[] | undefined) =>
    [...(paths ?? [])].sort((a, b) => String(basename(String(a))).localeCompare(basename(String(b))));
  return [
    { role: 'script' as const, path: code.script },
    ...byName(code.pythonModules).map((path) => ({ role: 'module' as const, path })),
    ...byName(code.files).map((path) => ({ role: 'file' as const, path })),
  ];
}

/**
 * Reads the job's files and keys them by a hash of the whole tree: a change to any file (or to which files ship)
 * gives every object a new key, so the job's arguments change and the next run uses the new code; an unchanged
 * tree gives the same keys and nothing changes. Checks what Glue needs: Python files where Python is expected,
 * names unique (they share the working directory), and an ETL SQL among the files.
 */
export function codeBundle(code: GlueEtlJobCode, scriptsPrefix: string, component: string): CodeBundle {
  const entries = listed(code);
  const names = new Set<string>();
  for (const { role, path } of entries) {
    const where = role === 'script' ? 'code.script' : role === 'module' ? 'code.pythonModules' : 'code.files';
    if (typeof path !== 'string' || !isAbsolute(path)) {
      throw new Error(`${where}: ${JSON.stringify(path)} must be an absolute file path`);
    }
    const name = basename(path);
    if (!FILE_NAME.test(name)) throw new Error(`${where}: file name ${name} must be letters, digits, _ . -`);
    if (role !== 'file' && !name.endsWith('.py'))
      throw new Error(`${where}: ${name} is not a Python file (.py)`);
    if (names.has(name)) {
      throw new Error(`${where}: two files are named ${name}; Glue puts them in one working directory`);
    }
    names.add(name);
  }
  if (!entries.some((e) => e.role === 'file' && e.path.endsWith('.sql'))) {
    throw new Error('code.files must include the ETL SQL file (.sql), which the job runs');
  }
  const digest = createHash('sha256');
  const contents = entries.map((entry) => {
    try {
      return readFileSync(entry.path);
    } catch (error) {
      throw new Error(`cannot read ${entry.path}: ${(error as Error).message}`);
    }
  });
  for (const [i, entry] of entries.entries()) {
    digest.update(`${entry.role}\0${basename(entry.path)}\0${contents[i]!.length}\0`);
    digest.update(contents[i]!);
  }
  const hash = digest.digest('hex').slice(0, 16);
  const prefix = `${scriptsPrefix}${component}/${hash}/`;
  return {
    hash,
    prefix,
    files: entries.map((entry) => {
      const name = basename(entry.path);
      return { role: entry.role, path: entry.path, name, key: `${prefix}${name}` };
    }),
  };
}

/** `s3://<bucket>/<key>` */
export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}
