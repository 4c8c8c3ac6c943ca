import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exportSubpaths,
  publicPackages,
  readManifest,
  repoRoot,
  type WorkspacePackage,
  workspacePackages,
} from '../src/workspace';

/**
 * What every published package must have (issue 12, "Publishable packages"), checked on the workspace's files so
 * that a new public package is held to it from its first commit. The consumer test checks the tarballs.
 */

const ROOT = repoRoot();
const ALL = workspacePackages(ROOT);
const PUBLIC = publicPackages(ROOT);
const PRIVATE_NAMES = new Set(ALL.filter((p) => p.manifest.private === true).map((p) => p.manifest.name));
const RUNTIME_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;
const PULUMI_PACKAGES = ['@pulumi/pulumi', '@pulumi/aws'];

/** The exact version of a @pulumi package the workspace pins (the component packages' devDependency). */
function workspacePin(name: string): string {
  const pins = new Set(
    ALL.flatMap((p) => [p.manifest.dependencies?.[name], p.manifest.devDependencies?.[name]]).filter(
      (spec): spec is string => spec !== undefined,
    ),
  );
  if (pins.size !== 1)
    throw new Error(`the workspace pins ${name} as ${[...pins].join(', ')}: keep one version`);
  return [...pins][0]!;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Whether the package's code imports Pulumi: then Pulumi must be the program's copy (a peer dependency). */
const usesPulumi = (pkg: WorkspacePackage) =>
  sourceFiles(join(pkg.dir, 'src')).some((file) => /from '@pulumi\//.test(readFileSync(file, 'utf8')));

const changesetConfig = JSON.parse(readFileSync(join(ROOT, '.changeset', 'config.json'), 'utf8')) as {
  fixed: string[][];
  linked: string[][];
  ignore: string[];
  access: string;
  privatePackages: { version: boolean; tag: boolean };
};

describe('the workspace', () => {
  it('has public packages (the publish policy below applies to each)', () => {
    expect(PUBLIC.map((p) => p.manifest.name)).toEqual(
      expect.arrayContaining([
        '@spotify-lake/contract',
        '@spotify-lake/component-kit',
        '@spotify-lake/lake',
        '@spotify-lake/catalog',
        '@spotify-lake/queries',
        '@spotify-lake/etl',
      ]),
    );
  });

  it('keeps one version of each @pulumi package: in every package.json and in the lockfile', () => {
    const lockfile = readFileSync(join(ROOT, 'pnpm-lock.yaml'), 'utf8');
    for (const name of PULUMI_PACKAGES) {
      const pin = workspacePin(name);
      const locked = new Set(
        [...lockfile.matchAll(new RegExp(`^ {2}'?${name.replace('/', '\\/')}@([^'(:\\s]+)`, 'gm'))].map(
          (m) => m[1],
        ),
      );
      expect([...locked], `${name} in pnpm-lock.yaml`).toEqual([pin]);
    }
  });

  it('releases the public packages together with Changesets and never versions the private ones', () => {
    const publicNames = PUBLIC.map((p) => p.manifest.name).sort();
    expect(changesetConfig.fixed.map((group) => [...group].sort())).toEqual([publicNames]);
    expect(changesetConfig.linked).toEqual([]);
    expect(changesetConfig.access).toBe('public');
    expect(changesetConfig.privatePackages).toEqual({ version: false, tag: false });
  });

  it('has the release scripts, with @changesets/cli pinned', () => {
    const root = readManifest(ROOT);
    expect(root.devDependencies?.['@changesets/cli']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(root.scripts).toMatchObject({
      changeset: 'changeset',
      'version-packages': 'changeset version',
      release: expect.stringContaining('pnpm -r publish'),
      'release:dry-run': expect.stringContaining('publish-dry-run'),
    });
  });
});

describe.each(PUBLIC.map((p) => [p.manifest.name, p] as const))('%s', (name, pkg) => {
  const { manifest } = pkg;

  it('has an exports map with types and default for each entry point, and ./package.json', () => {
    const exportsMap = manifest.exports as Record<string, unknown>;
    expect(exportSubpaths(exportsMap)).toContain('.');
    expect(exportsMap['./package.json']).toBe('./package.json');
    for (const subpath of exportSubpaths(exportsMap).filter((s) => s !== './package.json')) {
      const entry = exportsMap[subpath] as Record<string, string>;
      expect(Object.keys(entry), subpath).toEqual(['types', 'default']);
      expect(entry.types, subpath).toMatch(/^\.\/dist\/.+\.d\.ts$/);
      expect(entry.default, subpath).toMatch(/^\.\/dist\/.+\.js$/);
    }
  });

  it('publishes dist, its README and CHANGELOG, publicly, and builds before packing', () => {
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'README.md', 'CHANGELOG.md']));
    expect(manifest.publishConfig).toMatchObject({ access: 'public' });
    expect(manifest.scripts?.prepack).toBe('pnpm run build');
    expect(manifest.scripts?.build).toBeDefined();
  });

  it('has a README with install steps', () => {
    const readme = readFileSync(join(pkg.dir, 'README.md'), 'utf8');
    const install = readme.split(/^## Install\s*$/m)[1]?.split(/^## /m)[0];
    expect(install, 'a "## Install" section').toBeDefined();
    // npm, pnpm or yarn, the package among what the command installs.
    expect(install).toMatch(
      new RegExp(`(npm install|pnpm add|yarn add) [^\\n]*${name.replace('/', '\\/')}(\\s|$)`),
    );
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      if (!manifest.peerDependenciesMeta?.[peer]?.optional) expect(install).toContain(peer);
    }
  });

  it('has a CHANGELOG with an entry for its version (Changesets adds the next ones under the title)', () => {
    const changelog = readFileSync(join(pkg.dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^# .+\n/);
    expect(changelog).toMatch(new RegExp(`^## ${manifest.version.replaceAll('.', '\\.')}$`, 'm'));
  });

  it('has an example that its typecheck compiles', () => {
    expect(sourceFiles(join(pkg.dir, 'examples')).length).toBeGreaterThan(0);
    const tsconfig = JSON.parse(readFileSync(join(pkg.dir, 'tsconfig.json'), 'utf8')) as {
      include: string[];
    };
    expect(tsconfig.include).toContain('examples');
  });

  it('takes @pulumi/pulumi and @pulumi/aws from the program (peers) when its code uses Pulumi', () => {
    for (const pulumiPackage of PULUMI_PACKAGES) {
      expect(manifest.dependencies?.[pulumiPackage], `${pulumiPackage} in dependencies`).toBeUndefined();
    }
    if (!usesPulumi(pkg)) return;
    for (const pulumiPackage of PULUMI_PACKAGES) {
      const pin = workspacePin(pulumiPackage);
      expect(manifest.peerDependencies?.[pulumiPackage], `peerDependencies.${pulumiPackage}`).toBe(`^${pin}`);
      expect(manifest.devDependencies?.[pulumiPackage], `devDependencies.${pulumiPackage}`).toBe(pin);
    }
  });

  it('depends on no private package at run time', () => {
    const privateDeps = RUNTIME_FIELDS.flatMap((field) =>
      Object.keys(manifest[field] ?? {})
        .filter((dep) => PRIVATE_NAMES.has(dep))
        .map((dep) => `${field}.${dep}`),
    );
    expect(privateDeps).toEqual([]);
  });

  it('is packed by the consumer test after turbo builds it (a devDependency of tools/consumer-test)', () => {
    expect(readManifest(join(ROOT, 'tools', 'consumer-test')).devDependencies?.[name]).toBe('workspace:*');
  });
});
