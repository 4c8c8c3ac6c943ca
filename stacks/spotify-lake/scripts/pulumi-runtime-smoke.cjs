// Loads src/index.ts the way `pulumi up` does, without the Pulumi CLI or a cloud: the nodejs language host's
// TypeScript set-up (@pulumi/pulumi cmd/run/run.js: its ts-node, this folder's tsconfig.json, the same compiler
// options), the stack's configuration from Pulumi.<stack>.yaml, and mocks in place of the engine.
// Usage: node scripts/pulumi-runtime-smoke.cjs [stack]   (after `pnpm turbo run build --filter=@spotify-lake/stack...`)
// PULUMI_NODEJS_TRANSPILE_ONLY=true skips ts-node's type check, as it does for `pulumi up`.
const path = require('node:path');
const fs = require('node:fs');

const projectDir = path.resolve(__dirname, '..');
process.chdir(projectDir);
const stack = process.argv[2] ?? 'dev';
const pulumiDir = path.dirname(require.resolve('@pulumi/pulumi/package.json'));
const fromPulumi = (id) => require(require.resolve(id, { paths: [pulumiDir] }));
const pulumi = require('@pulumi/pulumi');
const tsutils = fromPulumi('./tsutils.js');
const yaml = require('js-yaml');

const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
const compilerOptions = tsutils.loadTypeScriptCompilerOptions('tsconfig.json');
const transpileOnly = process.env.PULUMI_NODEJS_TRANSPILE_ONLY === 'true' || compilerOptions.noCheck;
fromPulumi(tsnodeRequire).register({
  compiler: typescriptRequire,
  transpileOnly,
  project: 'tsconfig.json',
  skipProject: false,
  compilerOptions: {
    target: 'ES2020',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    sourceMap: 'true',
    ...compilerOptions,
  },
});

const stackFile = yaml.load(fs.readFileSync(`Pulumi.${stack}.yaml`, 'utf8'));
const config = Object.fromEntries(
  Object.entries(stackFile.config).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
);
const region = config['aws:region'];
pulumi.runtime.setMocks(
  {
    newResource: ({ type, name, inputs }) => {
      const physical = inputs.bucket ?? inputs.name ?? `${name}-0000000`;
      const service = type.split(':')[1].split('/')[0];
      const arn =
        service === 's3'
          ? `arn:aws:s3:::${physical}`
          : `arn:aws:${service}:${region}:123456789012:${physical}`;
      return { id: physical, state: { ...inputs, bucket: physical, name: physical, keyId: physical, arn } };
    },
    call: () => ({ accountId: '123456789012', partition: 'aws', region, name: region }),
  },
  'spotify-lake',
  stack,
  false,
);
pulumi.runtime.setAllConfig(config);

const started = process.hrtime.bigint();
const outputs = require(path.join(projectDir, 'src/index.ts'));
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(
  `stack ${stack}: src/index.ts compiled by ${path.basename(tsnodeRequire)} with TypeScript ` +
    `${fromPulumi(typescriptRequire).version} (${transpileOnly ? 'transpile only' : 'type-checked'}) and ran in ${ms.toFixed(0)} ms`,
);
pulumi
  .all([outputs.dataBucketName, outputs.databaseName, outputs.workgroupName, outputs.kmsKeyArn])
  .apply(([data, database, workgroup, key]) =>
    console.log(
      `outputs: dataBucketName=${data} databaseName=${database} workgroupName=${workgroup} kmsKeyArn=${key}`,
    ),
  );
