// A component of your own on the conventions of @spotify-lake/lake and @spotify-lake/catalog: a type token,
// misspelt arguments refused, the reserved tags on every child, and a transform hook per child.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import {
  applyResourceTransform,
  assertKnownKeys,
  assertTransformHooks,
  componentType,
  mergeTags,
  type ResourceTransform,
} from '@spotify-lake/component-kit';

export interface ExportsBucketArgs {
  /** Added to every taggable child; the reserved `spotify-lake:*` tags win. @default {} */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Escape hatches, one per child. @default {} */
  transform?: { bucket?: ResourceTransform<aws.s3.BucketArgs> };
}

const ARGS = ['tags', 'transform'] as const;
const CHILDREN = ['bucket'] as const;

export class ExportsBucket extends pulumi.ComponentResource {
  static readonly TYPE = componentType('exports', 'ExportsBucket');
  readonly bucketName: pulumi.Output<string>;

  constructor(name: string, args: ExportsBucketArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super(ExportsBucket.TYPE, name, {}, opts);
    const owner = `ExportsBucket "${name}"`;
    assertKnownKeys(owner, 'argument', args, ARGS);
    assertTransformHooks(owner, args.transform, CHILDREN);

    const tags = mergeTags(args.tags, { component: 'ExportsBucket', instance: name });
    const bucket = new aws.s3.Bucket(
      ...applyResourceTransform(
        args.transform?.bucket,
        `${name}-bucket`,
        { forceDestroy: false, tags },
        { parent: this },
      ),
    );
    this.bucketName = bucket.bucket;
    this.registerOutputs({ bucketName: this.bucketName });
  }
}
