import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * npm's settings that a user's environment may need (a mirror, a proxy, a CA, the cache). Every other `npm_*`
 * variable comes from the pnpm process that runs this test (`npm_config_user_agent`, `npm_package_*`, pnpm's own
 * settings) and is dropped, so that npm in the consumer project behaves as it does for a user.
 */
const NPM_SETTINGS_KEPT = new Set([
  'npm_config_registry',
  'npm_config_cache',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_noproxy',
  'npm_config_no_proxy',
  'npm_config_cafile',
  'npm_config_ca',
  'npm_config_strict_ssl',
  'npm_config_userconfig',
  'npm_config_fetch_retries',
  'npm_config_fetch_timeout',
  'npm_config_offline',
  'npm_config_prefer_offline',
]);

/** The environment of every command run in the consumer project: the user's, without the workspace's. */
export function consumerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // pnpm also passes some settings on empty (`npm_config_fetch_retries=`), which npm would read as set.
    if (/^npm_/i.test(key) && (!NPM_SETTINGS_KEPT.has(key.toLowerCase()) || value === '')) continue;
    if (key === 'NODE_OPTIONS' || key === 'NODE_PATH' || key.startsWith('VITEST') || key === 'INIT_CWD')
      continue;
    env[key] = value;
  }
  return env;
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to its end (or `timeoutMs`, then kills it); never throws for a non-zero exit. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? consumerEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${options.timeoutMs} ms]`;
      child.kill('SIGTERM');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: performance.now() - started });
    });
  });
}

const tail = (text: string, lines = 40) => text.trim().split('\n').slice(-lines).join('\n');

/** Throws with the command's output unless it exited 0. */
export function assertSucceeded(what: string, result: CommandResult): CommandResult {
  if (result.status !== 0) {
    throw new Error(
      `${what} exited ${result.status}\n--- stderr (end) ---\n${tail(result.stderr)}\n--- stdout (end) ---\n${tail(result.stdout)}`,
    );
  }
  return result;
}

export interface ConsumerWorkspace {
  /** A new folder under the system's temporary folder, outside the repository. */
  work: string;
  /** `<work>/project`: the npm project, with nothing in it but a package.json. */
  project: string;
  /** `<work>/tarballs`: where the packages are packed. */
  tarballs: string;
}

const PREFIX = 'spotify-lake-consumer-';
/** A project this old was left by a run that was killed (a run takes minutes); its node_modules is ~300 MB. */
const STALE_MS = 6 * 3600_000;

function removeStaleProjects(): void {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX))) {
    const dir = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run removed it, or it is not ours to remove: leave it.
    }
  }
}

/**
 * A new npm project under the system's temporary folder, outside the repository, so that nothing resolves
 * through the workspace's node_modules or links.
 */
export function createConsumerProject(repoRoot: string): ConsumerWorkspace {
  removeStaleProjects();
  const work = mkdtempSync(join(tmpdir(), PREFIX));
  if (!relative(repoRoot, work).startsWith('..')) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(
      `the temporary folder ${work} is inside the repository ${repoRoot}; set TMPDIR elsewhere`,
    );
  }
  const project = join(work, 'project');
  const tarballs = join(work, 'tarballs');
  mkdirSync(project);
  mkdirSync(tarballs);
  const manifest = {
    name: 'spotify-lake-consumer',
    version: '0.0.0',
    private: true,
    description: 'A service and a Pulumi program using the packed @spotify-lake packages.',
    license: 'UNLICENSED',
  };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { work, project, tarballs };
}

/** How long one `npm install` may take: a cold cache downloads @pulumi/aws and the AWS SDK. */
export const NPM_INSTALL_TIMEOUT_MS = 5 * 60_000;

/**
 * `npm install` of package specs (tarball paths, `name@version`) into the project. npm's own cache is reused
 * and preferred over revalidating (`--prefer-offline`); a failure or a timeout throws with npm's output.
 */
export async function npmInstall(project: string, specs: string[]): Promise<CommandResult> {
  const result = await runCommand(
    'npm',
    [
      'install',
      '--save-exact',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--no-progress',
      '--loglevel=error',
      ...specs,
    ],
    { cwd: project, timeoutMs: NPM_INSTALL_TIMEOUT_MS },
  );
  return assertSucceeded(`npm install ${specs.map((s) => s.split('/').pop()).join(' ')}`, result);
}

/** Copies a folder's `.ts` files (not recursively) into the project at `to`. */
export function copyTypeScript(from: string, project: string, to: string): string[] {
  const target = join(project, to);
  mkdirSync(target, { recursive: true });
  const files = readdirSync(from).filter((name) => name.endsWith('.ts'));
  for (const name of files) cpSync(join(from, name), join(target, name));
  return files.map((name) => `${to}/${name}`);
}

/** Writes the tsconfig of a strict CommonJS Node project, compiling `include` into `dist/`. */
export function writeTsconfig(project: string, file: string, include: string[]): void {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'Node16',
      moduleResolution: 'Node16',
      strict: true,
      noUncheckedIndexedAccess: true,
      esModuleInterop: true,
      // Our declaration files are checked too, as the consumer's compiler reads them (a type from a package the
      // consumer lacks would otherwise become `any` without a word). Costs ~8 s.
      skipLibCheck: false,
      types: ['node'],
      rootDir: '.',
      outDir: 'dist',
    },
    include,
  };
  writeFileSync(join(project, file), `${JSON.stringify(config, null, 2)}\n`);
}
