import type * as pulumi from '@pulumi/pulumi';

/**
 * SST v3 style hook to change a child resource before it is created: either a partial object merged over the
 * args the component computed, or a function that mutates args and options in place. `name` is the child's
 * logical name, to tell apart children that share a hook (the three staging tables, the named queries).
 */
export type Transform<Args> =
  | Partial<Args>
  | ((args: Args, opts: pulumi.CustomResourceOptions, name: string) => void);

/** Runs a transform hook over a child's args and options and returns them. */
export function applyTransform<Args extends object>(
  transform: Transform<Args> | undefined,
  name: string,
  args: Args,
  opts: pulumi.CustomResourceOptions,
): [Args, pulumi.CustomResourceOptions] {
  if (transform === undefined) return [args, opts];
  if (typeof transform === 'function') {
    transform(args, opts, name);
    return [args, opts];
  }
  return [{ ...args, ...transform }, opts];
}
