import * as pulumi from '@pulumi/pulumi';

export type Tags = Record<string, string>;

/** Tags every taggable child carries, so a bill or an inventory can be traced back to the component. */
export function defaultTags(componentName: string): Tags {
  return { 'spotify-lake:component': 'LakeCatalog', 'spotify-lake:instance': componentName };
}

/** The component's tags over the defaults: a user tag with the same key wins. */
export function mergeTags(
  componentName: string,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
): pulumi.Output<Tags> {
  return pulumi.output(tags ?? {}).apply((user) => ({ ...defaultTags(componentName), ...user }));
}
