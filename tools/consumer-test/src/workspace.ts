import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The fields of a package.json this package reads. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  types?: string;
  exports?: unknown;
  bin?: string | Record<string, string>;
  files?: string[];
  scripts?: Record<string, string>;
  publishConfig?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  /** Absolute folder of the package. */
  dir: string;
  /** The folder relative to the repository root, e.g. `packages/lake`. */
  path: string;
  manifest: PackageManifest;
}

/** The repository root: the nearest folder above this file with a pnpm-workspace.yaml. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

export function readManifest(dir: string): PackageManifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest;
}

/**
 * The workspace's packages, from the `packages:` list of pnpm-workspace.yaml (plain folders and `folder/*`
 * globs, which is all this workspace uses), sorted by path.
 */
export function workspacePackages(root = repoRoot()): WorkspacePackage[] {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const section = yaml.split(/^packages:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';
  const patterns = [...section.matchAll(/^\s+-\s+['"]?([^'"\s#]+)['"]?/gm)].map((m) => m[1]!);
  const dirs = patterns.flatMap((pattern) => {
    if (pattern.endsWith('/*')) {
      const parent = join(root, pattern.slice(0, -2));
      if (!existsSync(parent)) return [];
      return readdirSync(parent, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(parent, entry.name));
    }
    if (pattern.includes('*')) throw new Error(`pnpm-workspace.yaml: unsupported pattern ${pattern}`);
    return [join(root, pattern)];
  });
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, path: relative(root, dir), manifest: readManifest(dir) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The packages that are published: every one not marked private. */
export function publicPackages(root = repoRoot()): WorkspacePackage[] {
  return workspacePackages(root).filter((p) => p.manifest.private !== true);
}

/** The file `pnpm pack` writes for a package: `@scope/name@1.2.3` gives `scope-name-1.2.3.tgz`. */
export function tarballName(manifest: Pick<PackageManifest, 'name' | 'version'>): string {
  return `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`;
}

/** Every string a package.json `exports` map points at (conditions and subpaths flattened). */
export function exportTargets(exportsField: unknown): string[] {
  if (typeof exportsField === 'string') return [exportsField];
  if (exportsField === null || typeof exportsField !== 'object') return [];
  return Object.values(exportsField).flatMap(exportTargets);
}

/** The subpaths of an `exports` map (`.`, `./local`, `./package.json`). */
export function exportSubpaths(exportsField: unknown): string[] {
  if (exportsField === null || typeof exportsField !== 'object') return [];
  return Object.keys(exportsField).filter((key) => key.startsWith('.'));
}
