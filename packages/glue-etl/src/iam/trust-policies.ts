import type * as aws from '@pulumi/aws';
import { serviceTrustPolicy } from '@spotify-lake/component-kit';

/**
 * Glue may assume the job role for this account only. `IfExists` because Glue does not document sending
 * `aws:SourceAccount` when it assumes a job role, and a plain `StringEquals` on a missing key would deny every run;
 * `iam:PassRole`, which never crosses accounts, is the first guard.
 */
export function glueJobTrustPolicy(accountId: string): aws.iam.PolicyDocument {
  return serviceTrustPolicy({
    sid: 'GlueRunsJobsForThisAccount',
    service: 'glue.amazonaws.com',
    condition: { StringEqualsIfExists: { 'aws:SourceAccount': accountId } },
  });
}

/** EventBridge may assume the role only for the given rule of this account (it sends both keys). */
export function eventBridgeTrustPolicy(accountId: string, ruleArn: string): aws.iam.PolicyDocument {
  return serviceTrustPolicy({
    sid: 'EventBridgeRuleOfThisAccount',
    service: 'events.amazonaws.com',
    condition: { StringEquals: { 'aws:SourceAccount': accountId }, ArnEquals: { 'aws:SourceArn': ruleArn } },
  });
}

/** What the upload rule's role may do: notify this workflow's EVENT trigger, nothing else. */
export function notifyWorkflowPolicy(workflowArn: string): aws.iam.PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'NotifyWorkflow', Effect: 'Allow', Action: ['glue:notifyEvent'], Resource: workflowArn },
    ],
  };
}
