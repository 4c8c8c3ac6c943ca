import type * as aws from '@pulumi/aws';

type InputTransformer = aws.types.input.cloudwatch.EventTargetInputTransformer;

/** Where a run's logs are, for the alert text. */
export interface LogLocation {
  /** `/aws-glue/jobs/<security configuration>-role/<role>/` */
  logGroupPrefix: string;
}

/** A string template for EventBridge: the text, quoted as JSON, so SNS sends it as the message. */
const template = (lines: readonly string[]) => JSON.stringify(lines.join('\n'));

/**
 * The message of a failed run: which job and run, how it ended and why, and where its logs and its console page
 * are. Placeholders (`<jobRunId>`) are filled by EventBridge from the event.
 */
export function jobFailureMessage(logs: LogLocation): InputTransformer {
  return {
    inputPaths: {
      jobName: '$.detail.jobName',
      jobRunId: '$.detail.jobRunId',
      state: '$.detail.state',
      message: '$.detail.message',
      time: '$.time',
      region: '$.region',
    },
    inputTemplate: template([
      'Glue job <jobName>: run <jobRunId> ended <state> at <time>.',
      'Reason: <message>',
      `Logs: CloudWatch log groups ${logs.logGroupPrefix}error and ${logs.logGroupPrefix}output, streams starting with <jobRunId>.`,
      'Run: https://<region>.console.aws.amazon.com/gluestudio/home?region=<region>#/job/<jobName>/run/<jobRunId>',
    ]),
  };
}

/** The message of a failed data-quality evaluation: which job and run, how many rules failed, where to look. */
export function dataQualityFailureMessage(logs: LogLocation): InputTransformer {
  return {
    inputPaths: {
      jobName: '$.detail.context.jobName',
      jobRunId: '$.detail.context.jobId',
      rulesFailed: '$.detail.rulesFailed',
      score: '$.detail.score',
      resultId: '$.detail.resultID',
      time: '$.time',
      region: '$.region',
    },
    inputTemplate: template([
      'Glue job <jobName>: data quality FAILED in run <jobRunId> at <time> (<rulesFailed> rules failed, score <score>).',
      'Result: <resultId>; the run manifest lists each rule with its observed value.',
      `Logs: CloudWatch log groups ${logs.logGroupPrefix}output and ${logs.logGroupPrefix}error, streams starting with <jobRunId>.`,
      'Run: https://<region>.console.aws.amazon.com/gluestudio/home?region=<region>#/job/<jobName>/run/<jobRunId>',
    ]),
  };
}
