import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { exportTargets, type PackageManifest, tarballName, type WorkspacePackage } from './workspace';

const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
] as const;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.status}:\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Packs a package with `pnpm pack` into `destination` and returns the tarball's path. Lifecycle scripts are
 * skipped: `prepack` would rebuild `dist/` while other packages' tests read it (turbo runs tests in parallel);
 * turbo has built it before this test, and `pnpm release:dry-run` checks that `prepack` builds a clean checkout.
 * pnpm replaces `workspace:*` with the packages' versions, as it does when publishing.
 */
export function pack(pkg: WorkspacePackage, destination: string): string {
  run('pnpm', ['pack', '--pack-destination', destination], pkg.dir, {
    ...process.env,
    npm_config_ignore_scripts: 'true',
  });
  return join(destination, tarballName(pkg.manifest));
}

export interface TarballContents {
  /** Paths inside the package, without tar's `package/` prefix. */
  files: string[];
  /** package.json as packed. */
  manifest: PackageManifest;
  /** Reads one file of the tarball. */
  read(path: string): string;
}

export function readTarball(tarball: string): TarballContents {
  const files = run('tar', ['-tzf', tarball], process.cwd())
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''))
    .sort();
  const read = (path: string) => run('tar', ['-xzOf', tarball, `package/${path}`], process.cwd());
  return { files, manifest: JSON.parse(read('package.json')) as PackageManifest, read };
}

const normalize = (path: string) => path.replace(/^\.\//, '');

/**
 * What is wrong with a packed package, as sentences; empty when nothing is. `source` is the manifest in the
 * workspace, whose `files` entries must each ship something.
 */
export function tarballProblems(contents: TarballContents, source: PackageManifest): string[] {
  const { files, manifest } = contents;
  const has = (path: string) => files.includes(normalize(path));
  const problems: string[] = [];
  for (const required of ['package.json', 'README.md', 'CHANGELOG.md']) {
    if (!has(required)) problems.push(`${required} is missing`);
  }
  const js = files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
  if (js.length === 0) problems.push('no dist/**/*.js: the package was packed without its code');
  // Each entry point's declarations are checked below (exports' `types`); other files may be assets, such as the
  // dashboard's browser bundle.
  if (!files.some((f) => f.startsWith('dist/') && f.endsWith('.d.ts'))) problems.push('no dist/**/*.d.ts');
  const entryPoints = [
    ...(manifest.main ? [manifest.main] : []),
    ...(manifest.types ? [manifest.types] : []),
    ...exportTargets(manifest.exports),
  ];
  for (const target of entryPoints) {
    if (!has(target)) problems.push(`entry point ${target} is not in the tarball`);
  }
  const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
  for (const [command, target] of Object.entries(bins)) {
    if (!has(target)) problems.push(`bin ${command} (${target}) is not in the tarball`);
    else if (!contents.read(normalize(target)).startsWith('#!/usr/bin/env node')) {
      problems.push(`bin ${command} (${target}) does not start with #!/usr/bin/env node`);
    }
  }
  for (const entry of source.files ?? []) {
    if (entry.startsWith('!')) continue;
    const prefix = normalize(entry).replace(/\/$/, '');
    if (!files.some((f) => f === prefix || f.startsWith(`${prefix}/`))) {
      problems.push(`"files" lists ${entry} but the tarball has nothing from it`);
    }
  }
  const stray = files.filter(
    (f) =>
      /(^|\/)(test|tests|__tests__|__snapshots__|__pycache__|node_modules)\//.test(f) ||
      /\.test\.[cm]?[jt]s$/.test(f) ||
      (/\.[cm]?ts$/.test(f) && !/\.d\.[cm]?ts$/.test(f)) ||
      /(^|\/)(test-results\.json|tsconfig(\.[a-z]+)?\.json|vitest\.config\.[cm]?[jt]s|\.turbo)$/.test(f),
  );
  for (const file of stray) problems.push(`${file} should not be published`);
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
      if (spec.startsWith('workspace:')) problems.push(`${field}.${name} is still ${spec}`);
    }
  }
  return problems;
}
