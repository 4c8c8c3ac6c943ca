import type * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { CatalogTableDefinition } from './table-definitions';

/** `s3://<bucket>/<prefix>`: where a table reads. */
export function s3Location(bucketName: pulumi.Input<string>, prefix: string): pulumi.Output<string> {
  return pulumi.interpolate`s3://${bucketName}/${prefix}`;
}

/** The Glue table args of a contract table: an external table over its zone of the data bucket. */
export function catalogTableArgs(
  definition: CatalogTableDefinition,
  databaseName: pulumi.Input<string>,
  dataBucketName: pulumi.Input<string>,
): aws.glue.CatalogTableArgs {
  const { format } = definition;
  return {
    name: definition.name,
    databaseName,
    description: definition.description,
    tableType: 'EXTERNAL_TABLE',
    parameters: { EXTERNAL: 'TRUE', classification: format.classification, ...format.tableParameters },
    storageDescriptor: {
      location: s3Location(dataBucketName, definition.prefix),
      inputFormat: format.inputFormat,
      outputFormat: format.outputFormat,
      serDeInfo: {
        name: `${definition.name}-serde`,
        serializationLibrary: format.serializationLibrary,
        parameters: { ...format.serdeParameters },
      },
      columns: definition.columns.map((c) => ({ name: c.name, type: c.type, comment: c.comment })),
    },
  };
}
