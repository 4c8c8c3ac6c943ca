import * as pulumi from '@pulumi/pulumi';

/** One resource registration as the engine would have seen it. */
export interface RecordedResource {
  type: string;
  name: string;
  urn: string;
  /** URN of the parent resource; `undefined` for resources at the stack root. */
  parentUrn: string | undefined;
  /** Logical name of the parent, taken from its URN. */
  parentName: string | undefined;
  custom: boolean;
  inputs: Record<string, unknown>;
  protect: boolean;
  retainOnDelete: boolean;
  dependsOn: string[];
  /** What a component passed to `registerOutputs`; `undefined` until then (and for custom resources). */
  outputs: Record<string, unknown> | undefined;
}

export interface MockedEnvironment {
  stack: string;
  region: string;
  accountId: string;
  partition: string;
}

export interface PulumiMocks {
  readonly env: MockedEnvironment;
  /** Every registration so far, in registration order. */
  readonly resources: RecordedResource[];
  /**
   * Resolves once every registration has settled: no RPC in flight and nothing new registered for several turns
   * of the event loop, so resources created inside `apply` callbacks (which register late) are included.
   */
  settled(): Promise<RecordedResource[]>;
  /** The resources whose logical name starts with `prefix` (a lake's name), or the component itself. */
  under(prefix: string): RecordedResource[];
}

const DEFAULT_ENV: MockedEnvironment = {
  stack: 'test',
  region: 'eu-west-1',
  accountId: '123456789012',
  partition: 'aws',
};

/** Outputs the AWS provider would compute, for the resource types this package creates. */
function computedState(type: string, name: string, inputs: Record<string, unknown>, env: MockedEnvironment) {
  switch (type) {
    case 'aws:s3/bucket:Bucket': {
      // The provider auto-names from the logical name; a fixed suffix keeps snapshots stable.
      const bucket = (inputs.bucket as string | undefined) ?? `${name}-0000000`;
      return { bucket, arn: `arn:${env.partition}:s3:::${bucket}`, id: bucket };
    }
    case 'aws:kms/key:Key': {
      const keyId = `key-${name}`;
      return {
        keyId,
        arn: `arn:${env.partition}:kms:${env.region}:${env.accountId}:key/${keyId}`,
        id: keyId,
      };
    }
    case 'aws:iam/role:Role': {
      const roleName = (inputs.name as string | undefined) ?? `${name}-0000000`;
      return {
        name: roleName,
        arn: `arn:${env.partition}:iam::${env.accountId}:role/${roleName}`,
        id: roleName,
      };
    }
    default:
      return { id: `${name}-id` };
  }
}

function invokeResult(token: string, env: MockedEnvironment): Record<string, unknown> {
  switch (token) {
    case 'aws:index/getCallerIdentity:getCallerIdentity':
      return {
        accountId: env.accountId,
        arn: `arn:${env.partition}:iam::${env.accountId}:user/deployer`,
        userId: 'AIDAEXAMPLE',
        id: env.accountId,
      };
    case 'aws:index/getPartition:getPartition':
      return {
        partition: env.partition,
        dnsSuffix: 'amazonaws.com',
        reverseDnsPrefix: 'com.amazonaws',
        id: env.partition,
      };
    case 'aws:index/getRegion:getRegion':
      return {
        region: env.region,
        name: env.region,
        id: env.region,
        endpoint: `ec2.${env.region}.amazonaws.com`,
        description: 'Europe (Ireland)',
      };
    default:
      throw new Error(`pulumi-mocks: no mocked result for invoke ${token}`);
  }
}

function nameFromUrn(urn: string | undefined): string | undefined {
  return urn === undefined || urn === '' ? undefined : urn.split('::').pop();
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Sets Pulumi mocks (call before constructing any resource) and records every registration. The mock monitor
 * does not tell `newResource` about parents or options, so the monitor's `registerResource` is wrapped to read
 * them from the request itself.
 */
export function setupPulumiMocks(overrides: Partial<MockedEnvironment> = {}): PulumiMocks {
  const env = { ...DEFAULT_ENV, ...overrides };
  const resources: RecordedResource[] = [];
  let inFlight = 0;

  // setMocks installs the mock monitor synchronously (as Pulumi's own examples rely on, calling it without
  // await); the promise only reports errors.
  const installed = pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const state = computedState(args.type, args.name, args.inputs, env);
        return { id: state.id as string, state: { ...args.inputs, ...state } };
      },
      call: (args) => invokeResult(args.token, env),
    },
    'spotify-lake',
    env.stack,
    false,
  );
  installed.catch((error: unknown) => {
    throw error;
  });

  // biome-ignore lint/suspicious/noExplicitAny: the mock monitor's request type is internal to @pulumi/pulumi.
  const monitor = pulumi.runtime.getMonitor() as any;
  const register = monitor.registerResource.bind(monitor);
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  monitor.registerResource = async (req: any, callback: (err: unknown, response: any) => void) => {
    inFlight++;
    const parentUrn: string = req.getParent();
    const type: string = req.getType();
    const name: string = req.getName();
    const record: RecordedResource = {
      type,
      name,
      urn: '',
      parentUrn: parentUrn === '' ? undefined : parentUrn,
      parentName: nameFromUrn(parentUrn),
      custom: req.getCustom(),
      inputs: pulumi.runtime.deserializeProperties(req.getObject()),
      protect: req.getProtect() === true,
      retainOnDelete: req.getRetainondelete() === true,
      dependsOn: req.getDependenciesList(),
      outputs: undefined,
    };
    resources.push(record);
    try {
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      await register(req, (err: unknown, response: any) => {
        if (response) record.urn = response.getUrn();
        inFlight--;
        callback(err, response);
      });
    } catch (err) {
      inFlight--;
      throw err;
    }
  };

  const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  monitor.registerResourceOutputs = (req: any, callback: (err: unknown, response: any) => void) => {
    const record = resources.find((r) => r.urn === req.getUrn());
    if (record) record.outputs = pulumi.runtime.deserializeProperties(req.getOutputs());
    return registerOutputs(req, callback);
  };

  return {
    env,
    resources,
    async settled() {
      let quietTurns = 0;
      let seen = -1;
      while (quietTurns < 20) {
        await tick();
        if (inFlight === 0 && resources.length === seen) quietTurns++;
        else quietTurns = 0;
        seen = resources.length;
      }
      return resources;
    },
    under(prefix: string) {
      return resources.filter((r) => r.name === prefix || r.name.startsWith(`${prefix}-`));
    },
  };
}

/** The value of an Output, for assertions. */
export function resolvedValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}
