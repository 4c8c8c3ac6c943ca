import { KEY_ADMIN_ACTIONS } from '@spotify-lake/component-kit';
import { wildcardViolations } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import {
  type CrawlerPolicyInputs,
  crawlerLogGroupName,
  crawlerLogsKeyPolicy,
  crawlerPolicyDocument,
  glueTrustPolicy,
  glueWriteActions,
} from '../../src/crawler/crawler-policy';

const ENV = { partition: 'aws', region: 'eu-west-1', accountId: '123456789012' };
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/abc';
const inputs = (over: Partial<CrawlerPolicyInputs> = {}): CrawlerPolicyInputs => ({
  ...ENV,
  dataBucketArn: 'arn:aws:s3:::lake-data',
  prefixes: ['staging/albums/', 'staging/tracks/'],
  databaseName: 'lake_prod',
  tablePrefix: 'crawled_',
  updateBehavior: 'LOG',
  deleteBehavior: 'LOG',
  roleName: 'cat-crawler-role-1a2b3c',
  securityConfigurationName: 'cat-crawler-security-4d5e6f',
  ...over,
});
type Statement = { Sid: string; Action: string[]; Resource: string[] | string; Condition?: unknown };
const statement = (document: unknown, sid: string): Statement => {
  const found = (document as { Statement: Statement[] }).Statement.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
};

describe('crawlerPolicyDocument', () => {
  it('reads objects under the target folders only', () => {
    expect(statement(crawlerPolicyDocument(inputs()), 'ReadTargetObjects')).toEqual({
      Sid: 'ReadTargetObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: ['arn:aws:s3:::lake-data/staging/albums/*', 'arn:aws:s3:::lake-data/staging/tracks/*'],
    });
  });

  it('lists the bucket only under the target folders, each with its trailing slash', () => {
    const list = statement(crawlerPolicyDocument(inputs()), 'ListTargetFolders');
    expect(list.Resource).toEqual(['arn:aws:s3:::lake-data']);
    expect(list.Condition).toEqual({
      StringLike: {
        's3:prefix': ['staging/albums/', 'staging/albums/*', 'staging/tracks/', 'staging/tracks/*'],
      },
    });
    // A sibling folder whose name starts like a target's matches no pattern.
    const patterns = (list.Condition as { StringLike: { 's3:prefix': string[] } }).StringLike['s3:prefix'];
    const matches = (prefix: string) =>
      patterns.some((p) =>
        new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(prefix),
      );
    expect(matches('staging/albums/')).toBe(true);
    expect(matches('staging/albums/2026/')).toBe(true);
    expect(matches('staging/albums-old/')).toBe(false);
    expect(matches('staging/albums')).toBe(false);
  });

  it('reads the catalog of its database and writes only tables with its prefix', () => {
    const document = crawlerPolicyDocument(inputs());
    expect(statement(document, 'ReadCatalog').Resource).toEqual([
      'arn:aws:glue:eu-west-1:123456789012:catalog',
      'arn:aws:glue:eu-west-1:123456789012:database/lake_prod',
      'arn:aws:glue:eu-west-1:123456789012:table/lake_prod/*',
    ]);
    const write = statement(document, 'WriteOwnTables');
    expect(write.Resource).toContain('arn:aws:glue:eu-west-1:123456789012:table/lake_prod/crawled_*');
    expect(write.Resource).not.toContain('arn:aws:glue:eu-west-1:123456789012:table/lake_prod/*');
    expect(write.Action).toEqual(['glue:CreateTable', 'glue:CreatePartition', 'glue:BatchCreatePartition']);
  });

  it('grants update and delete actions only when the schema change policy uses them', () => {
    expect(glueWriteActions('LOG', 'LOG')).not.toContain('glue:UpdateTable');
    expect(glueWriteActions('UPDATE_IN_DATABASE', 'LOG')).toContain('glue:UpdateTable');
    expect(glueWriteActions('LOG', 'DEPRECATE_IN_DATABASE')).toContain('glue:UpdateTable');
    expect(glueWriteActions('LOG', 'DEPRECATE_IN_DATABASE')).not.toContain('glue:DeleteTable');
    expect(glueWriteActions('LOG', 'DELETE_FROM_DATABASE')).toEqual(
      expect.arrayContaining(['glue:DeleteTable', 'glue:BatchDeletePartition']),
    );
  });

  it('writes its logs only to its own log group, named by its role and security configuration', () => {
    expect(crawlerLogGroupName('r', 's')).toBe('/aws-glue/crawlers-role/r-s');
    expect(statement(crawlerPolicyDocument(inputs()), 'WriteCrawlerLogs')).toMatchObject({
      Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:AssociateKmsKey'],
      Resource: [
        'arn:aws:logs:eu-west-1:123456789012:log-group:/aws-glue/crawlers-role/cat-crawler-role-1a2b3c-cat-crawler-security-4d5e6f',
        'arn:aws:logs:eu-west-1:123456789012:log-group:/aws-glue/crawlers-role/cat-crawler-role-1a2b3c-cat-crawler-security-4d5e6f:log-stream:*',
      ],
    });
  });

  it('decrypts lake objects through S3 only, and only when the lake has a key', () => {
    expect(statement(crawlerPolicyDocument(inputs({ lakeKmsKeyArn: KEY })), 'DecryptLakeObjects')).toEqual({
      Sid: 'DecryptLakeObjects',
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: [KEY],
      Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
    });
    const document = crawlerPolicyDocument(inputs()) as unknown as { Statement: Statement[] };
    const actions = document.Statement.flatMap((s) => s.Action);
    expect(actions.some((a) => a.startsWith('kms:'))).toBe(false);
  });

  it('never grants a wildcard action, whatever the options', () => {
    for (const over of [
      {},
      {
        lakeKmsKeyArn: KEY,
        updateBehavior: 'UPDATE_IN_DATABASE',
        deleteBehavior: 'DELETE_FROM_DATABASE',
      } as const,
    ]) {
      expect(wildcardViolations([{ name: 'crawler', inputs: crawlerPolicyDocument(inputs(over)) }])).toEqual(
        [],
      );
    }
  });

  it('uses the partition it is given (GovCloud, China)', () => {
    const document = crawlerPolicyDocument(inputs({ partition: 'aws-cn', region: 'cn-north-1' }));
    expect(statement(document, 'ReadCatalog').Resource[0]).toBe(
      'arn:aws-cn:glue:cn-north-1:123456789012:catalog',
    );
  });
});

describe('glueTrustPolicy', () => {
  it('lets Glue assume the role for this account only', () => {
    expect(glueTrustPolicy('123456789012').Statement).toEqual([
      {
        Sid: 'GlueAssumesRoleForThisAccount',
        Effect: 'Allow',
        Principal: { Service: 'glue.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '123456789012' } },
      },
    ]);
  });
});

describe('crawlerLogsKeyPolicy', () => {
  const document = crawlerLogsKeyPolicy(ENV, 'cat-crawler-role-1a2b3c');

  it('lets the account administer the key with listed actions, not kms:*', () => {
    const admin = statement(document, 'AccountAdministersKey');
    expect(admin.Action).toEqual(KEY_ADMIN_ACTIONS);
    expect((admin as unknown as { Principal: unknown }).Principal).toEqual({
      AWS: 'arn:aws:iam::123456789012:root',
    });
    expect(admin.Action).toContain('kms:PutKeyPolicy');
  });

  it("lets CloudWatch Logs of this region use the key for this crawler's role's log groups only", () => {
    const logs = statement(document, 'CloudWatchLogsEncryptsCrawlerLogs');
    expect((logs as unknown as { Principal: unknown }).Principal).toEqual({
      Service: 'logs.eu-west-1.amazonaws.com',
    });
    expect(logs.Condition).toEqual({
      ArnLike: {
        'kms:EncryptionContext:aws:logs:arn':
          'arn:aws:logs:eu-west-1:123456789012:log-group:/aws-glue/crawlers-role/cat-crawler-role-1a2b3c-*',
      },
    });
    expect(logs.Action).not.toContain('kms:PutKeyPolicy');
  });

  it('has no wildcard action', () => {
    expect(wildcardViolations([{ name: 'logs-key', inputs: document }])).toEqual([]);
  });
});
