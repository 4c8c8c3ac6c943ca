import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ensurePythonEnv,
  findJava,
  INSTALL_HINT,
  readyPythonEnv,
  SparkUnavailableError,
} from '../../src/spark/python-env';
import { tempDir } from '../fixtures/helpers';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the Python environment of the Spark engine', () => {
  it('says what to install when there is no Java', async () => {
    vi.stubEnv('JAVA_HOME', join(await tempDir(), 'no-java'));
    expect(() => findJava()).toThrow(SparkUnavailableError);
    const error = await ensurePythonEnv({ venvDir: join(await tempDir(), 'venv') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkUnavailableError);
    expect((error as Error).message).toMatch(
      /^no Java found \(tried .*no-java\/bin\/java\): install Java 17/,
    );
    expect(INSTALL_HINT).toContain('Python 3.11');
  });

  it('says what to install when there is no supported Python', async () => {
    vi.stubEnv('SPOTIFY_LAKE_PYTHON', join(await tempDir(), 'no-python'));
    const error = await ensurePythonEnv({ venvDir: join(await tempDir(), 'venv') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkUnavailableError);
    expect((error as Error).message).toMatch(
      /^no Python 3\.10, 3\.11, 3\.12 with venv found: install Java 17/,
    );
  });

  it('is not ready without its stamp, or with a stamp of other requirements', async () => {
    const venv = await tempDir();
    expect(readyPythonEnv(venv)).toBeUndefined();
    await mkdir(join(venv, 'bin'));
    await writeFile(join(venv, 'bin', 'python'), '');
    await writeFile(
      join(venv, '.spotify-lake-requirements.sha256'),
      'e3b0c44298fc1c149afbf4c8996fb924 3.11\n',
    );
    expect(readyPythonEnv(venv)).toBeUndefined();
  });

  it('does not replace a folder it did not make', async () => {
    const venv = await tempDir();
    await writeFile(join(venv, 'mine.txt'), 'the user keeps this');
    const error = await ensurePythonEnv({ venvDir: venv }).catch((e: unknown) => e);
    // On a machine without Java, that is what it says first.
    if (error instanceof SparkUnavailableError) return;
    expect((error as Error).message).toBe(
      `${venv} exists but was not made by spotify-lake; remove it, or set SPOTIFY_LAKE_VENV to another folder`,
    );
  });
});
