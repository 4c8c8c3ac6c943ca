import * as pulumi from '@pulumi/pulumi';

/** The account the mocks pretend to deploy to. */
export const MOCK_ENVIRONMENT = { partition: 'aws', region: 'eu-west-1', accountId: '123456789012' } as const;
export const MOCK_PROJECT = 'spotify-lake';
export const MOCK_STACK = 'test';

export interface RecordedResource {
  type: string;
  /** Logical name. */
  name: string;
  inputs: Record<string, unknown>;
  /** Logical name of the parent; undefined for a root resource (the stack's children). */
  parent: string | undefined;
  custom: boolean;
  /** Logical names of the resources it explicitly depends on (`dependsOn` and Output inputs). */
  dependencies: string[];
  /** The `protect` resource option. */
  protect: boolean;
}

type RegisterRequest = {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getDependenciesList(): string[];
  getProtect(): boolean;
};
type Monitor = {
  registerResource(req: RegisterRequest, callback: (err: unknown, res: unknown) => void): unknown;
};

const nameOfUrn = (urn: string): string | undefined => (urn ? urn.split('::').pop() : undefined);

/** Outputs a mock resource reports: its inputs plus the computed attributes the component reads. */
function mockState(args: pulumi.runtime.MockResourceArgs): Record<string, unknown> {
  const { type, name, inputs } = args;
  const physical = (inputs.name as string | undefined) ?? `${name}-physical`;
  const [, service] = type.split(':');
  const arn =
    type === 'aws:iam/role:Role'
      ? `arn:aws:iam::${MOCK_ENVIRONMENT.accountId}:role/${physical}`
      : `arn:aws:${service?.split('/')[0]}:${MOCK_ENVIRONMENT.region}:${MOCK_ENVIRONMENT.accountId}:${physical}`;
  return { ...inputs, name: physical, arn };
}

/**
 * Records every resource registered under the mocks, with its parent, and can wait until registrations have
 * settled (resources created inside an `apply` register after the constructor returns).
 */
export class ResourceRecorder {
  readonly resources: RecordedResource[] = [];
  private pending = 0;
  private parents = new Map<
    string,
    { parent: string | undefined; dependencies: string[]; protect: boolean }
  >();

  reset(): void {
    this.resources.length = 0;
    this.parents.clear();
  }

  /** Resolves once nothing has registered or been pending for several timer turns. */
  async settled(): Promise<RecordedResource[]> {
    let stableTurns = 0;
    let lastCount = -1;
    for (let turn = 0; stableTurns < 5; turn++) {
      if (turn > 1000) throw new Error('resource registrations did not settle within 1000 turns');
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (this.pending === 0 && this.resources.length === lastCount) stableTurns++;
      else stableTurns = 0;
      lastCount = this.resources.length;
    }
    return this.resources;
  }

  /** Resources of one type, in registration order. */
  ofType(type: string): RecordedResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The one resource with this logical name. */
  named(name: string): RecordedResource {
    const found = this.resources.filter((r) => r.name === name);
    if (found.length !== 1) throw new Error(`expected one resource named ${name}; found ${found.length}`);
    return found[0]!;
  }

  hookMonitor(monitor: Monitor): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
      this.pending++;
      this.parents.set(`${req.getType()}::${req.getName()}`, {
        parent: nameOfUrn(req.getParent()),
        dependencies: req.getDependenciesList().map((urn) => nameOfUrn(urn) ?? urn),
        protect: req.getProtect(),
      });
      return register(req, (err, res) => {
        this.pending--;
        callback(err, res);
      });
    };
  }

  record(args: pulumi.runtime.MockResourceArgs): void {
    const registration = this.parents.get(`${args.type}::${args.name}`);
    this.resources.push({
      type: args.type,
      name: args.name,
      inputs: args.inputs as Record<string, unknown>,
      parent: registration?.parent,
      custom: args.custom ?? false,
      dependencies: registration?.dependencies ?? [],
      protect: registration?.protect ?? false,
    });
  }
}

/** Invokes the component makes, answered as AWS would for MOCK_ENVIRONMENT. */
function mockCall(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
  switch (args.token) {
    case 'aws:index/getPartition:getPartition':
      return {
        partition: MOCK_ENVIRONMENT.partition,
        dnsSuffix: 'amazonaws.com',
        id: 'aws',
        reverseDnsPrefix: 'com.amazonaws',
      };
    case 'aws:index/getRegion:getRegion':
      return {
        name: MOCK_ENVIRONMENT.region,
        region: MOCK_ENVIRONMENT.region,
        id: MOCK_ENVIRONMENT.region,
        description: 'Europe (Ireland)',
        endpoint: `ec2.${MOCK_ENVIRONMENT.region}.amazonaws.com`,
      };
    case 'aws:index/getCallerIdentity:getCallerIdentity':
      return {
        accountId: MOCK_ENVIRONMENT.accountId,
        arn: `arn:aws:iam::${MOCK_ENVIRONMENT.accountId}:user/test`,
        id: MOCK_ENVIRONMENT.accountId,
        userId: 'AIDATEST',
      };
    default:
      throw new Error(`unexpected invoke ${args.token}`);
  }
}

export interface MockOptions {
  stack?: string;
  /** Outputs of every StackReference the program reads. */
  stackReferenceOutputs?: Record<string, unknown>;
}

/** Sets the Pulumi mocks (call before constructing any resource) and returns the recorder. */
export async function setupPulumiMocks(options: MockOptions = {}): Promise<ResourceRecorder> {
  const recorder = new ResourceRecorder();
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        recorder.record(args);
        if (args.type === 'pulumi:pulumi:StackReference') {
          return {
            id: args.inputs.name,
            state: { name: args.inputs.name, outputs: options.stackReferenceOutputs ?? {} },
          };
        }
        return { id: args.custom ? `${args.name}-id` : '', state: mockState(args) };
      },
      call: (args) => mockCall(args),
    },
    MOCK_PROJECT,
    options.stack ?? MOCK_STACK,
    false,
  );
  recorder.hookMonitor(pulumi.runtime.getMonitor() as unknown as Monitor);
  return recorder;
}

/** The value of an Output (mocks resolve every value). */
export function resolvedValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

type OutputInternals<T> = {
  promise(): Promise<T>;
  isKnown: Promise<boolean>;
  isSecret: Promise<boolean>;
  allResources?: () => Promise<unknown>;
};

/**
 * Resolves or rejects with an Input's value, including the error an `apply` threw. The Output's other internal
 * promises reject with the same error; they are observed here so the test runner does not report them as unhandled.
 */
export function settle<T>(input: pulumi.Input<T>): Promise<T> {
  const output = (pulumi.Output.isInstance(input)
    ? input
    : pulumi.output(input)) as unknown as OutputInternals<T>;
  const ignore = () => undefined;
  output.isKnown.catch(ignore);
  output.isSecret.catch(ignore);
  output.allResources?.().catch(ignore);
  return output.promise();
}
