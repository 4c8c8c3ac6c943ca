import { type PolicyDocument, policyDocument } from '@spotify-lake/lake';

/**
 * The alerts topic's policy: EventBridge may publish, and only for the given rules (`aws:SourceArn`), so no other
 * rule, account or service can post to the people subscribed; publishing without TLS is denied.
 */
export function alertsTopicPolicy(topicArn: string, ruleArns: readonly string[]): PolicyDocument {
  if (ruleArns.length === 0) throw new Error('alertsTopicPolicy: no rule may publish');
  return policyDocument([
    {
      Sid: 'AlertRulesPublish',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: ['sns:Publish'],
      Resource: topicArn,
      Condition: { ArnEquals: { 'aws:SourceArn': [...ruleArns] } },
    },
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: ['sns:Publish'],
      Resource: topicArn,
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ]);
}
