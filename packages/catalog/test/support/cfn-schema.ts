import { cfnSchemaDirs, findCfnSchema, type JsonSchema } from '@spotify-lake/testing';

/** The shared validator; this package's tests load the schemas of the resources it creates. */
export { cfnTagList, definition, type JsonSchema, validate } from '@spotify-lake/testing';

export function loadCfnSchema(
  file: 'aws-glue-table.json' | 'aws-athena-workgroup.json' | 'aws-glue-crawler.json',
): JsonSchema {
  const schema = findCfnSchema(file, __dirname);
  if (!schema)
    throw new Error(`CloudFormation schema ${file} not found in ${cfnSchemaDirs(__dirname).join(', ')}`);
  return schema;
}
