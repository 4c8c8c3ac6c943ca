#!/usr/bin/env node
// `pnpm release:dry-run`: the publish step of `pnpm release` (`pnpm -r publish`), rehearsed with --dry-run.
// pnpm publishes the public packages one at a time in dependency order, running each one's `prepack` (its build)
// and handing the tarball to `npm publish --dry-run`. It runs offline (npm_config_offline): no registry is
// contacted, for auth or anything else, and no credentials are needed. Then it checks each listed tarball.
//
//   --clean   delete the public packages' dist/ first, to prove that packing a clean checkout builds the code
//             (what CI does: it starts from a clean clone anyway).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const clean = process.argv.includes('--clean');
const root = join(import.meta.dirname, '..');

function pnpm(args, env = process.env) {
  const result = spawnSync('pnpm', args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

const listed = pnpm(['-r', 'ls', '--depth', '-1', '--json']);
const packages = JSON.parse(listed.stdout).filter((p) => p.private === false);
if (packages.length === 0) {
  console.error('publish dry run: no public package found');
  process.exit(1);
}
if (clean) {
  for (const p of packages) rmSync(join(p.path, 'dist'), { recursive: true, force: true });
  console.log(`removed dist/ of ${packages.length} public packages`);
}

const started = performance.now();
const publish = pnpm(['-r', 'publish', '--dry-run', '--no-git-checks', '--reporter=append-only'], {
  ...process.env,
  npm_config_offline: 'true',
});
const output = `${publish.stdout}\n${publish.stderr}`;
const seconds = ((performance.now() - started) / 1000).toFixed(1);

// npm lists each tarball between "📦  name@version" and "Tarball Details", one "npm notice <size> <path>" a file.
const tarballs = new Map();
let current;
for (const line of output.split('\n')) {
  const header = /npm notice 📦\s+(\S+)@(\d\S*)\s*$/u.exec(line);
  if (header) {
    current = { version: header[2], files: [], size: undefined, access: undefined };
    tarballs.set(header[1], current);
    continue;
  }
  if (!current) continue;
  if (/npm notice Tarball Details/.test(line)) continue;
  const size = /npm notice package size:\s+(.+)$/.exec(line);
  if (size) current.size = size[1];
  const file = /^npm notice [\d.]+k?M?B (\S.*)$/.exec(line);
  if (file && !current.size) current.files.push(file[1]);
  const access = /npm notice Publishing to \S+ with tag \S+ and (\S+) access \(dry-run\)/.exec(line);
  if (access) current.access = access[1];
}

const problems = [];
if (publish.status !== 0) problems.push(`pnpm -r publish --dry-run exited ${publish.status}`);
for (const p of packages) {
  const manifest = JSON.parse(readFileSync(join(p.path, 'package.json'), 'utf8'));
  const tarball = tarballs.get(p.name);
  if (!tarball) {
    problems.push(`${p.name}: not published by the dry run`);
    continue;
  }
  if (!output.includes(`+ ${p.name}@${p.version}`)) problems.push(`${p.name}: no "+ ${p.name}@${p.version}"`);
  const required = [manifest.main, manifest.types, 'package.json', 'README.md', 'CHANGELOG.md'].filter(
    Boolean,
  );
  for (const file of required.map((f) => f.replace(/^\.\//, ''))) {
    if (!tarball.files.includes(file)) problems.push(`${p.name}: ${file} is not in the tarball`);
  }
  if (tarball.access !== 'public') problems.push(`${p.name}: published with ${tarball.access} access`);
  console.log(
    `${p.name}@${tarball.version}: ${tarball.files.length} files, ${tarball.size}, ${tarball.access} access`,
  );
}

if (problems.length > 0) {
  console.log(output);
  for (const problem of problems) console.error(`publish dry run: ${problem}`);
  process.exit(1);
}
console.log(
  `publish dry run: ${packages.length} packages packed and accepted by npm (offline, no credentials) in ${seconds} s`,
);
