import { cfnTagList } from './cfn-schema';

/**
 * Maps resolved @pulumi/aws inputs to the CloudFormation property shapes of the same resources, key by key, so
 * that they can be validated against the CloudFormation schemas. Only fields this package sets are mapped; an
 * unmapped field fails loudly rather than being skipped.
 */
type Json = Record<string, unknown>;

function mapKeys(source: Json | undefined, names: Record<string, string>, where: string): Json | undefined {
  if (source === undefined) return undefined;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    const cfn = names[key];
    if (!cfn) throw new Error(`${where}: no CloudFormation mapping for "${key}"`);
    out[cfn] = value;
  }
  return out;
}

export function catalogTableToCfn(inputs: Json, catalogId: string): Json {
  const sd = inputs.storageDescriptor as Json;
  const serde = sd.serDeInfo as Json;
  return {
    CatalogId: catalogId,
    DatabaseName: inputs.databaseName,
    TableInput: {
      ...mapKeys(
        {
          name: inputs.name,
          description: inputs.description,
          tableType: inputs.tableType,
          parameters: inputs.parameters,
        },
        { name: 'Name', description: 'Description', tableType: 'TableType', parameters: 'Parameters' },
        'table',
      ),
      StorageDescriptor: {
        ...mapKeys(
          { location: sd.location, inputFormat: sd.inputFormat, outputFormat: sd.outputFormat },
          { location: 'Location', inputFormat: 'InputFormat', outputFormat: 'OutputFormat' },
          'storageDescriptor',
        ),
        SerdeInfo: mapKeys(
          serde,
          { name: 'Name', serializationLibrary: 'SerializationLibrary', parameters: 'Parameters' },
          'serDeInfo',
        ),
        Columns: (sd.columns as Json[]).map((c) =>
          mapKeys(c, { name: 'Name', type: 'Type', comment: 'Comment' }, 'column'),
        ),
      },
    },
  };
}

export function workgroupToCfn(inputs: Json): Json {
  const configuration = inputs.configuration as Json;
  const result = configuration.resultConfiguration as Json;
  const encryption = result.encryptionConfiguration as Json;
  const acl = result.aclConfiguration as Json;
  return {
    Name: inputs.name,
    Description: inputs.description,
    State: inputs.state,
    Tags: cfnTagList(inputs.tags as Record<string, string>),
    WorkGroupConfiguration: {
      BytesScannedCutoffPerQuery: configuration.bytesScannedCutoffPerQuery,
      EnforceWorkGroupConfiguration: configuration.enforceWorkgroupConfiguration,
      PublishCloudWatchMetricsEnabled: configuration.publishCloudwatchMetricsEnabled,
      EngineVersion: { SelectedEngineVersion: (configuration.engineVersion as Json).selectedEngineVersion },
      ResultConfiguration: {
        OutputLocation: result.outputLocation,
        ExpectedBucketOwner: result.expectedBucketOwner,
        AclConfiguration: { S3AclOption: acl.s3AclOption },
        EncryptionConfiguration: mapKeys(
          encryption,
          { encryptionOption: 'EncryptionOption', kmsKeyArn: 'KmsKey' },
          'encryptionConfiguration',
        ),
      },
    },
  };
}

export function crawlerToCfn(inputs: Json): Json {
  const targets = inputs.s3Targets as Json[];
  return {
    Name: inputs.name,
    Role: inputs.role,
    DatabaseName: inputs.databaseName,
    Description: inputs.description,
    Targets: {
      S3Targets: targets.map((t) => mapKeys(t, { path: 'Path', exclusions: 'Exclusions' }, 's3Target')),
    },
    ...(inputs.schedule === undefined ? {} : { Schedule: { ScheduleExpression: inputs.schedule } }),
    SchemaChangePolicy: mapKeys(
      inputs.schemaChangePolicy as Json,
      { updateBehavior: 'UpdateBehavior', deleteBehavior: 'DeleteBehavior' },
      'schemaChangePolicy',
    ),
    RecrawlPolicy: mapKeys(
      inputs.recrawlPolicy as Json,
      { recrawlBehavior: 'RecrawlBehavior' },
      'recrawlPolicy',
    ),
    CrawlerSecurityConfiguration: inputs.securityConfiguration,
    TablePrefix: inputs.tablePrefix,
    Tags: inputs.tags,
  };
}
