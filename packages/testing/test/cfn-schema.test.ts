import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cfnSchemaDirs, findCfnSchema, validate } from '../src/cfn-schema';

describe('the CloudFormation schema validator', () => {
  const schema = {
    type: 'object',
    additionalProperties: false,
    required: ['Name'],
    properties: {
      Name: { type: 'string', maxLength: 5 },
      Workers: { type: 'integer', minimum: 0, maximum: 299 },
      Mode: { enum: ['A', 'B'] },
    },
  };

  it('reports unknown and missing properties, types, enums, lengths and both bounds', () => {
    expect(validate(schema, { Name: 'ok', Workers: 2, Mode: 'A' })).toEqual([]);
    expect(validate(schema, { Name: 'toolong', Workers: 300, Mode: 'C', Extra: 1 })).toEqual([
      '$.Name: longer than 5',
      '$.Workers: above 299',
      '$.Mode: "C" not in ["A","B"]',
      '$: unknown property Extra',
    ]);
    expect(validate(schema, { Workers: -1 })).toEqual(['$: missing required Name', '$.Workers: below 0']);
  });

  it('looks for shared/schemas/cloudformation beside every folder above, and says so when it is absent', () => {
    expect(cfnSchemaDirs('/a/b')).toEqual(
      expect.arrayContaining(['/a/b/shared/schemas/cloudformation', '/a/shared/schemas/cloudformation']),
    );
    expect(findCfnSchema('aws-nothing.json', mkdtempSync(join(tmpdir(), 'cfn-')))).toBeUndefined();
  });
});
