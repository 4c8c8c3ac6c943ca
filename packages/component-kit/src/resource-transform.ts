import type * as pulumi from '@pulumi/pulumi';

/**
 * A hook that changes one child resource before it is created (SST v3's `transform`): either properties merged
 * over the args the component computed, or a callback that changes the args and the resource options in place.
 * The callback also gets the child's logical name, so one hook can tell apart the children it is called for
 * (the three buckets' policies, the staging tables, the named queries).
 */
export type ResourceTransform<Args> =
  | Partial<Args>
  | ((args: Args, opts: pulumi.CustomResourceOptions, name: string) => void);

/**
 * Runs a hook over a child's name, args and options and returns all three, ready to spread into the resource's
 * constructor: `new aws.s3.Bucket(...applyResourceTransform(hook, name, args, { parent: this }))`.
 */
export function applyResourceTransform<Args extends object>(
  transform: ResourceTransform<Args> | undefined,
  name: string,
  args: Args,
  opts: pulumi.CustomResourceOptions,
): [string, Args, pulumi.CustomResourceOptions] {
  if (transform === undefined) return [name, args, opts];
  if (typeof transform === 'function') {
    transform(args, opts, name);
    return [name, args, opts];
  }
  return [name, { ...args, ...transform }, opts];
}

/**
 * Builds a child resource of `parent` after the user's hook for it: what every component does for each child,
 * `construct(...applyResourceTransform(transform, name, args, { ...opts, parent }))`.
 */
export function createChild<Args extends object, R>(
  parent: pulumi.Resource,
  transform: ResourceTransform<Args> | undefined,
  name: string,
  args: Args,
  construct: (name: string, args: Args, opts: pulumi.CustomResourceOptions) => R,
  opts: pulumi.CustomResourceOptions = {},
): R {
  return construct(...applyResourceTransform(transform, name, args, { ...opts, parent }));
}
