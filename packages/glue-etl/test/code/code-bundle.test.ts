import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeBundle, type GlueEtlJobCode } from '../../src';

/** A job tree in a fresh folder: `files` maps names to contents. */
function tree(files: Record<string, string>): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'glue-code-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return (name) => join(dir, name);
}
const JOB = { 'job.py': 'print(1)\n', 'lib.py': 'X = 1\n', 'other.py': 'Y = 2\n', 'etl.sql': 'SELECT 1\n' };
const code = (at: (n: string) => string): GlueEtlJobCode => ({
  script: at('job.py'),
  pythonModules: [at('lib.py'), at('other.py')],
  files: [at('etl.sql')],
});

describe('codeBundle', () => {
  it('keys every file under the scripts zone, the component and the hash of the tree', () => {
    const bundle = codeBundle(code(tree(JOB)), 'scripts/', 'etl');
    expect(bundle.prefix).toBe(`scripts/etl/${bundle.hash}/`);
    expect(bundle.files.map((f) => [f.role, f.name, f.key])).toEqual([
      ['script', 'job.py', `${bundle.prefix}job.py`],
      ['module', 'lib.py', `${bundle.prefix}lib.py`],
      ['module', 'other.py', `${bundle.prefix}other.py`],
      ['file', 'etl.sql', `${bundle.prefix}etl.sql`],
    ]);
  });

  it('keeps the hash for the same files anywhere, in any list order', () => {
    const a = codeBundle(code(tree(JOB)), 'scripts/', 'etl');
    const at = tree(JOB);
    const reordered = codeBundle(
      { ...code(at), pythonModules: [at('other.py'), at('lib.py')] },
      'scripts/',
      'etl',
    );
    expect(reordered.hash).toBe(a.hash);
  });

  it('changes the hash when any byte, name or role of the tree changes', () => {
    const base = codeBundle(code(tree(JOB)), 'scripts/', 'etl').hash;
    const changed = [
      { ...JOB, 'lib.py': 'X = 2\n' },
      { ...JOB, 'etl.sql': 'SELECT 1 \n' },
      { ...JOB, 'job.py': 'print(1)\n\n' },
    ].map((files) => codeBundle(code(tree(files)), 'scripts/', 'etl').hash);
    for (const hash of changed) expect(hash).not.toBe(base);
    const at = tree({ ...JOB, 'lib2.py': 'X = 1\n' });
    expect(
      codeBundle({ ...code(at), pythonModules: [at('lib2.py'), at('other.py')] }, 'scripts/', 'etl').hash,
    ).not.toBe(base);
    expect(codeBundle({ ...code(at), pythonModules: [at('other.py')] }, 'scripts/', 'etl').hash).not.toBe(
      base,
    );
  });

  it('refuses relative paths, non-Python modules, two files of one name, a missing file and no ETL SQL', () => {
    const at = tree({ ...JOB, 'notes.txt': 'x' });
    expect(() => codeBundle({ ...code(at), script: 'job.py' }, 'scripts/', 'etl')).toThrow(
      'code.script: "job.py" must be an absolute file path',
    );
    expect(() => codeBundle({ ...code(at), pythonModules: [at('notes.txt')] }, 'scripts/', 'etl')).toThrow(
      'code.pythonModules: notes.txt is not a Python file (.py)',
    );
    expect(() => codeBundle({ ...code(at), pythonModules: [at('job.py')] }, 'scripts/', 'etl')).toThrow(
      'two files are named job.py',
    );
    expect(() => codeBundle({ ...code(at), files: [at('notes.txt')] }, 'scripts/', 'etl')).toThrow(
      'code.files must include the ETL SQL file (.sql)',
    );
    expect(() => codeBundle({ ...code(at), pythonModules: [at('gone.py')] }, 'scripts/', 'etl')).toThrow(
      /cannot read .*gone[.]py/,
    );
  });
});
