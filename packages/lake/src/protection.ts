import type * as pulumi from '@pulumi/pulumi';
import { assertKnownKeys } from '@spotify-lake/component-kit';

/**
 * The two-step opt-in to disposable data. Both steps are needed: `enabled: true`, and `confirm` set to the name
 * of the stack being deployed, written out literally. A config copied to another stack then fails loudly instead
 * of making that stack's data deletable.
 */
export interface DisposableDataArgs {
  /** Step one: ask for buckets and key that `pulumi destroy` may delete, objects included. */
  enabled: boolean;
  /** Step two: the current stack's name, e.g. `'dev'`. Do not compute it with `pulumi.getStack()`. */
  confirm: string;
}

/** How the data-bearing children are created. */
export interface DataProtection {
  /** True only after both opt-in steps. */
  disposable: boolean;
  /** Resource options for buckets, their guard configuration and the key. */
  resourceOptions: Pick<pulumi.CustomResourceOptions, 'protect' | 'retainOnDelete'>;
  /** `forceDestroy` of the buckets: deletes all objects on destroy, so only ever true when disposable. */
  forceDestroy: boolean;
}

/**
 * Protected by default: Pulumi refuses to delete (`protect`) and, should protection be lifted by hand, leaves the
 * cloud resource in place (`retainOnDelete`). Disposable data leaves both unset so the caller's own options
 * (inherited from the component) still apply.
 */
export function resolveDataProtection(
  owner: string,
  stack: string,
  disposableData: DisposableDataArgs | undefined,
): DataProtection {
  if (disposableData === undefined) {
    return {
      disposable: false,
      resourceOptions: { protect: true, retainOnDelete: true },
      forceDestroy: false,
    };
  }
  if (typeof disposableData !== 'object' || disposableData === null) {
    throw new Error(
      `${owner}: disposableData must be { enabled: true, confirm: '<stack name>' } (got ${JSON.stringify(disposableData)})`,
    );
  }
  assertKnownKeys(owner, 'disposableData field', disposableData, ['enabled', 'confirm']);
  if (typeof disposableData.enabled !== 'boolean') {
    throw new Error(`${owner}: disposableData.enabled must be true or false`);
  }
  if (!disposableData.enabled) {
    return {
      disposable: false,
      resourceOptions: { protect: true, retainOnDelete: true },
      forceDestroy: false,
    };
  }
  if (typeof disposableData.confirm !== 'string' || disposableData.confirm === '') {
    throw new Error(
      `${owner}: disposableData.enabled is true but disposableData.confirm is missing; set confirm to the stack name ("${stack}") to make this lake's data deletable`,
    );
  }
  if (disposableData.confirm !== stack) {
    throw new Error(
      `${owner}: disposableData.confirm is "${disposableData.confirm}" but this stack is "${stack}"; data stays protected unless confirm names the stack being deployed`,
    );
  }
  return { disposable: true, resourceOptions: {}, forceDestroy: true };
}
