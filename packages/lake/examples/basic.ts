// A Pulumi program (index.ts of a stack) that creates the Spotify lake and the roles that use it.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { DataLake } from '@spotify-lake/lake';

const stack = pulumi.getStack();

const lake = new DataLake('spotify', {
  tags: { team: 'analytics', stack },
  lifecycle: { queryResultsExpirationDays: 14, quarantine: { expireAfterDays: 180 } },
  // A throw-away development stack would add both steps of the opt-in, the stack name written out:
  // encryption: 'sse-s3', disposableData: { enabled: true, confirm: 'dev' },
});

// The Glue job reads raw drops and its script, and writes the warehouse and the rejected rows.
const etlRole = new aws.iam.Role('etl-job', {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: 'glue.amazonaws.com' }),
});
lake.grantRead(etlRole, 'staging');
lake.grantRead(etlRole, 'scripts');
lake.grantRead(etlRole, 'warehouse');
lake.grantWrite(etlRole, 'warehouse');
lake.grantWrite(etlRole, 'quarantine');

// Analysts query the warehouse through Athena: read the tables, read and write query results.
const analystRole = new aws.iam.Role('analyst', {
  assumeRolePolicy: aws.getCallerIdentityOutput().accountId.apply((accountId) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' },
      ],
    }),
  ),
});
lake.grantRead(analystRole, 'warehouse', { name: 'analyst-read-warehouse' });
lake.grantResultsReadWrite(analystRole);

export const dataBucketName = lake.dataBucketName;
export const resultsBucketName = lake.resultsBucketName;
export const logBucketName = lake.logBucketName;
export const kmsKeyArn = lake.kmsKeyArn;
export const zones = lake.zones;
