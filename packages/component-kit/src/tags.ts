import * as pulumi from '@pulumi/pulumi';

export type Tags = Record<string, string>;

/** Prefix of the tags the components set themselves. */
export const TAG_PREFIX = 'spotify-lake:';

/** What every taggable child of a component carries, so a bill or an inventory traces back to it. */
export interface ComponentTagValues {
  /** The component's class, e.g. `DataLake`. */
  component: string;
  /** The component's logical name (its instance). */
  instance: string;
  /** What the child is for, where one component has several of a kind, e.g. `query-results`. */
  role?: string;
}

/** The reserved tags: `spotify-lake:component`, `spotify-lake:instance` and, when given, `spotify-lake:role`. */
export function componentTags(values: ComponentTagValues): Tags {
  return {
    [`${TAG_PREFIX}component`]: values.component,
    [`${TAG_PREFIX}instance`]: values.instance,
    ...(values.role === undefined ? {} : { [`${TAG_PREFIX}role`]: values.role }),
  };
}

/**
 * The caller's tags with the component's reserved tags over them. The reserved ones win a clash: they are how
 * an inventory finds a component's resources, so a caller cannot make one look like another's. Other keys under
 * `spotify-lake:` (such as the stacks' `spotify-lake:stack`) are the caller's to set.
 */
export function mergeTags(
  userTags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  values: ComponentTagValues,
): pulumi.Output<Tags> {
  return pulumi.output(userTags ?? {}).apply((user) => ({ ...user, ...componentTags(values) }));
}
