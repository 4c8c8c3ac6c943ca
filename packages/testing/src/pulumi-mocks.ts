import * as pulumi from '@pulumi/pulumi';

/** One resource registration as the engine would have seen it. */
export interface RecordedResource {
  type: string;
  /** Logical name. */
  name: string;
  /** Set once the mock monitor answers the registration. */
  urn: string;
  /** URN of the parent; `undefined` for resources at the stack root. */
  parentUrn: string | undefined;
  /** Logical name of the parent, from its URN; `undefined` at the stack root. */
  parent: string | undefined;
  custom: boolean;
  inputs: Record<string, unknown>;
  /** The `protect` resource option. */
  protect: boolean;
  /** The `retainOnDelete` resource option. */
  retainOnDelete: boolean;
  /** The `deleteBeforeReplace` resource option. */
  deleteBeforeReplace: boolean;
  /** URNs of the resources it depends on (`dependsOn` and the resources behind its Output inputs). */
  dependsOn: string[];
  /** Logical names of the same resources. */
  dependencies: string[];
  /** What a component passed to `registerOutputs`; `undefined` until then (and for custom resources). */
  outputs: Record<string, unknown> | undefined;
}

/** The account, region and stack the mocks pretend to deploy to. */
export interface MockedEnvironment {
  project: string;
  stack: string;
  region: string;
  accountId: string;
  partition: string;
}

export const DEFAULT_MOCKED_ENVIRONMENT: MockedEnvironment = {
  project: 'spotify-lake',
  stack: 'test',
  region: 'eu-west-1',
  accountId: '123456789012',
  partition: 'aws',
};

/**
 * The attributes the provider would compute for a new resource (ids, ARNs, physical names), merged over its
 * inputs. Each package supplies its own, because its resource-graph snapshots show them.
 */
export type ComputedState = (
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  env: MockedEnvironment,
) => { id: string } & Record<string, unknown>;

export interface RecordingMocksOptions extends Partial<MockedEnvironment> {
  computedState: ComputedState;
  /** Outputs of every `StackReference` the program reads. */
  stackReferenceOutputs?: Record<string, unknown>;
}

export interface PulumiRecorder {
  readonly env: MockedEnvironment;
  /** Every registration so far, in registration order. */
  readonly resources: RecordedResource[];
  /**
   * Resolves once every registration has settled: no registration in flight and nothing new registered for 20
   * turns of the event loop, so resources created inside `apply` callbacks (which register late) are included.
   */
  settled(): Promise<RecordedResource[]>;
  /** Forgets what was recorded, e.g. between tests. */
  reset(): void;
  /** The resources whose logical name is `prefix` or starts with `<prefix>-` (a component and its children). */
  under(prefix: string): RecordedResource[];
  /** Resources of one type, in registration order. */
  ofType(type: string): RecordedResource[];
  /** The one resource with this logical name; throws when there is none or more than one. */
  named(name: string): RecordedResource;
}

/** Lookups over the resources one component registered (`recorder.under(name)`), for its test fixture. */
export interface ComponentResources {
  resources: RecordedResource[];
  /** The resource with this logical name; throws, listing the names there are, when there is none. */
  named(name: string): RecordedResource;
  maybeNamed(name: string): RecordedResource | undefined;
  ofType(type: string): RecordedResource[];
}

export function componentResources(resources: RecordedResource[]): ComponentResources {
  const maybeNamed = (name: string) => resources.find((r) => r.name === name);
  return {
    resources,
    maybeNamed,
    named(name) {
      const found = maybeNamed(name);
      if (!found)
        throw new Error(`no resource named ${name}; have ${resources.map((r) => r.name).join(', ')}`);
      return found;
    },
    ofType: (type) => resources.filter((r) => r.type === type),
  };
}

/** Answers of the AWS invokes components make, for the mocked environment. */
export function awsInvokeResult(token: string, env: MockedEnvironment): Record<string, unknown> {
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
        description: env.region,
      };
    default:
      throw new Error(`pulumi mocks: no mocked result for invoke ${token}`);
  }
}

const nameFromUrn = (urn: string | undefined): string | undefined =>
  urn === undefined || urn === '' ? undefined : urn.split('::').pop();

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const QUIET_TURNS = 20;
const MAX_TURNS = 100_000;

// The mock monitor's request and response types are internal to @pulumi/pulumi; these are the calls used.
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): Parameters<typeof pulumi.runtime.deserializeProperties>[0];
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getDeletebeforereplace(): boolean | undefined;
  getDependenciesList(): string[];
}
interface Monitor {
  registerResource(
    req: RegisterRequest,
    callback: (err: unknown, res: { getUrn(): string } | undefined) => void,
  ): unknown;
  registerResourceOutputs(
    req: { getUrn(): string; getOutputs(): Parameters<typeof pulumi.runtime.deserializeProperties>[0] },
    callback: unknown,
  ): unknown;
}

/**
 * Sets Pulumi mocks (call before constructing any resource) and records every registration. The mock monitor does
 * not tell `newResource` about parents or options, so its `registerResource` is wrapped to read them from the
 * request itself; `registerResourceOutputs` is wrapped to record what components register.
 */
export function recordPulumiMocks(options: RecordingMocksOptions): PulumiRecorder {
  const { computedState, stackReferenceOutputs, ...overrides } = options;
  const env: MockedEnvironment = { ...DEFAULT_MOCKED_ENVIRONMENT, ...overrides };
  const resources: RecordedResource[] = [];
  let inFlight = 0;

  // setMocks installs the mock monitor synchronously (Pulumi's own examples call it without await); the promise
  // only reports errors.
  pulumi.runtime
    .setMocks(
      {
        newResource: (args) => {
          if (args.type === 'pulumi:pulumi:StackReference') {
            return {
              id: args.inputs.name,
              state: { name: args.inputs.name, outputs: stackReferenceOutputs ?? {} },
            };
          }
          if (!args.custom) return { id: '', state: {} };
          const state = computedState(args.type, args.name, args.inputs, env);
          return { id: state.id, state: { ...args.inputs, ...state } };
        },
        call: (args) => awsInvokeResult(args.token, env),
      },
      env.project,
      env.stack,
      false,
    )
    .catch((error: unknown) => {
      throw error;
    });

  const monitor = pulumi.runtime.getMonitor() as unknown as Monitor;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    inFlight++;
    const parentUrn = req.getParent();
    const dependsOn = req.getDependenciesList();
    const record: RecordedResource = {
      type: req.getType(),
      name: req.getName(),
      urn: '',
      parentUrn: parentUrn === '' ? undefined : parentUrn,
      parent: nameFromUrn(parentUrn),
      custom: req.getCustom(),
      inputs: pulumi.runtime.deserializeProperties(req.getObject()),
      protect: req.getProtect() === true,
      retainOnDelete: req.getRetainondelete() === true,
      deleteBeforeReplace: req.getDeletebeforereplace() === true,
      dependsOn,
      dependencies: dependsOn.map((urn) => nameFromUrn(urn) ?? urn),
      outputs: undefined,
    };
    resources.push(record);
    try {
      return register(req, (err, response) => {
        if (response) record.urn = response.getUrn();
        inFlight--;
        callback(err, response);
      });
    } catch (error) {
      inFlight--;
      throw error;
    }
  };
  const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req, callback) => {
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
      for (let turn = 0; quietTurns < QUIET_TURNS; turn++) {
        if (turn > MAX_TURNS)
          throw new Error(`pulumi mocks: registrations did not settle in ${MAX_TURNS} turns`);
        await tick();
        if (inFlight === 0 && resources.length === seen) quietTurns++;
        else quietTurns = 0;
        seen = resources.length;
      }
      return resources;
    },
    reset() {
      resources.length = 0;
    },
    under(prefix) {
      return resources.filter((r) => r.name === prefix || r.name.startsWith(`${prefix}-`));
    },
    ofType(type) {
      return resources.filter((r) => r.type === type);
    },
    named(name) {
      const found = resources.filter((r) => r.name === name);
      if (found.length !== 1) {
        throw new Error(
          `expected one resource named ${name}, found ${found.length}; have ${resources.map((r) => r.name).join(', ')}`,
        );
      }
      return found[0]!;
    },
  };
}

/** The value of an Output, for assertions (under mocks every value is known). */
export function resolvedValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

interface OutputInternals<T> {
  promise(): Promise<T>;
  isKnown: Promise<boolean>;
  isSecret: Promise<boolean>;
  allResources?: () => Promise<unknown>;
}

/**
 * Resolves or rejects with an Input's value, including the error an `apply` threw. The Output's other internal
 * promises reject with the same error; they are observed here so the test runner does not report them as unhandled.
 */
export function settle<T>(input: pulumi.Input<T>): Promise<T> {
  const output = pulumi.output(input) as unknown as OutputInternals<T>;
  const ignore = () => undefined;
  output.isKnown.catch(ignore);
  output.isSecret.catch(ignore);
  output.allResources?.().catch(ignore);
  return output.promise();
}
