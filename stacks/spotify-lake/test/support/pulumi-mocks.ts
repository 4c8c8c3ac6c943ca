import * as pulumi from '@pulumi/pulumi';

/** One resource registration as the engine would have seen it. */
export interface RecordedResource {
  type: string;
  name: string;
  urn: string;
  /** Logical name of the parent, taken from its URN; `undefined` for the stack's own children. */
  parentName: string | undefined;
  custom: boolean;
  inputs: Record<string, unknown>;
  protect: boolean;
  retainOnDelete: boolean;
  /** What a component passed to `registerOutputs`; `undefined` until then (and for custom resources). */
  outputs: Record<string, unknown> | undefined;
}

export interface MockedEnvironment {
  project: string;
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
}

/** The account the mocks pretend to deploy to. */
export const MOCK_ENVIRONMENT: Omit<MockedEnvironment, 'stack'> = {
  project: 'spotify-lake',
  region: 'eu-west-1',
  accountId: '123456789012',
  partition: 'aws',
};

/**
 * Outputs the AWS provider would compute. Auto-named resources get the logical name plus a fixed suffix (the
 * provider adds a random one), and every resource an ARN in its service's format.
 */
function computedState(type: string, name: string, inputs: Record<string, unknown>, env: MockedEnvironment) {
  const { partition, region, accountId } = env;
  switch (type) {
    case 'aws:s3/bucket:Bucket': {
      const bucket = (inputs.bucket as string | undefined) ?? `${name}-0000000`;
      return { bucket, arn: `arn:${partition}:s3:::${bucket}`, id: bucket };
    }
    case 'aws:kms/key:Key': {
      const keyId = `key-${name}`;
      return { keyId, arn: `arn:${partition}:kms:${region}:${accountId}:key/${keyId}`, id: keyId };
    }
    case 'aws:iam/role:Role': {
      const roleName = (inputs.name as string | undefined) ?? `${name}-0000000`;
      return { name: roleName, arn: `arn:${partition}:iam::${accountId}:role/${roleName}`, id: roleName };
    }
    default: {
      const physical = (inputs.name as string | undefined) ?? `${name}-0000000`;
      const service = type.split(':')[1]?.split('/')[0];
      return {
        name: physical,
        arn: `arn:${partition}:${service}:${region}:${accountId}:${physical}`,
        id: physical,
      };
    }
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

const nameFromUrn = (urn: string): string | undefined => (urn === '' ? undefined : urn.split('::').pop());
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Sets Pulumi mocks for one stack (call before the program declares any resource) and records every
 * registration. The mock monitor does not tell `newResource` about parents or options, so the monitor's
 * `registerResource` is wrapped to read them from the request itself.
 */
export function setupPulumiMocks(stack: string, overrides: Partial<MockedEnvironment> = {}): PulumiMocks {
  const env: MockedEnvironment = { ...MOCK_ENVIRONMENT, stack, ...overrides };
  const resources: RecordedResource[] = [];
  let inFlight = 0;

  // setMocks installs the mock monitor synchronously; the promise only reports errors.
  pulumi.runtime
    .setMocks(
      {
        newResource: (args) => {
          const state = computedState(args.type, args.name, args.inputs, env);
          return { id: args.custom ? state.id : '', state: { ...args.inputs, ...state } };
        },
        call: (args) => invokeResult(args.token, env),
      },
      env.project,
      env.stack,
      false,
    )
    .catch((error: unknown) => {
      throw error;
    });

  // biome-ignore lint/suspicious/noExplicitAny: the mock monitor's request type is internal to @pulumi/pulumi.
  const monitor = pulumi.runtime.getMonitor() as any;
  const register = monitor.registerResource.bind(monitor);
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  monitor.registerResource = async (req: any, callback: (err: unknown, response: any) => void) => {
    inFlight++;
    const record: RecordedResource = {
      type: req.getType(),
      name: req.getName(),
      urn: '',
      parentName: nameFromUrn(req.getParent()),
      custom: req.getCustom(),
      inputs: pulumi.runtime.deserializeProperties(req.getObject()),
      protect: req.getProtect() === true,
      retainOnDelete: req.getRetainondelete() === true,
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
      for (let turn = 0; quietTurns < 20; turn++) {
        if (turn > 100_000) throw new Error('pulumi-mocks: registrations did not settle');
        await tick();
        if (inFlight === 0 && resources.length === seen) quietTurns++;
        else quietTurns = 0;
        seen = resources.length;
      }
      return resources;
    },
  };
}

/** The value of an Output (the mocks resolve every value). */
export function resolvedValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}
