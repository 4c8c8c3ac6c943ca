import type * as pulumi from '@pulumi/pulumi';

/**
 * Escape hatch for one child resource (SST v3 style): either properties merged over the component's args, or a
 * callback that may change the args and the resource options in place before the resource is created.
 */
export type Transform<T> = Partial<T> | ((args: T, opts: pulumi.CustomResourceOptions, name: string) => void);

/** Applies a transform; the callback form sees the final logical name so one hook can tell instances apart. */
export function applyTransform<T extends object>(
  transform: Transform<T> | undefined,
  name: string,
  args: T,
  opts: pulumi.CustomResourceOptions,
): [string, T, pulumi.CustomResourceOptions] {
  if (transform === undefined) return [name, args, opts];
  if (typeof transform === 'function') {
    transform(args, opts, name);
    return [name, args, opts];
  }
  return [name, { ...args, ...transform }, opts];
}
