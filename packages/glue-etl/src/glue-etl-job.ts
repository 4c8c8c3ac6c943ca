import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { awsEnvironment, componentType, createChild, mergeTags } from '@spotify-lake/component-kit';
import { dataQualityChecks } from '@spotify-lake/contract';
import { dataQualityFailureMessage, jobFailureMessage } from './alerts/alert-messages';
import { alertsTopicPolicy } from './alerts/topic-policy';
import { type CodeBundle, codeBundle, s3Uri } from './code/code-bundle';
import type { GlueEtlJobArgs } from './glue-etl-job-args';
import { jobPolicyDocument } from './iam/job-policy';
import { alertsKeyPolicy, jobKeyPolicy } from './iam/key-policies';
import { eventBridgeTrustPolicy, glueJobTrustPolicy, notifyWorkflowPolicy } from './iam/trust-policies';
import { jobDefaultArguments } from './job/job-arguments';
import {
  componentKeySettings,
  defaultSecurityConfigurationName,
  GLUE_VERSION,
  glueEtlCommand,
  jobEncryptionConfiguration,
  jobLogGroupPrefix,
  singleRunAtATime,
} from './job/job-settings';
import {
  dataQualityFailurePattern,
  jobFailurePattern,
  stagingUploadPattern,
} from './orchestration/event-patterns';
import { type ResolvedGlueEtlJobArgs, resolveGlueEtlJobArgs } from './validation';

/** A logical-name fragment from any text: lowercase letters, digits and hyphens. */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The on-upload trigger's resources; `undefined` when it is off. */
export interface GlueEtlUploadResources {
  trigger: aws.glue.Trigger;
  rule: aws.cloudwatch.EventRule;
  role: aws.iam.Role;
  policy: aws.iam.RolePolicy;
  target: aws.cloudwatch.EventTarget;
}

/**
 * The Spotify lake ETL in the cloud: the Glue 5.0 job with its code uploaded to the lake (keyed by content), run by a
 * Glue workflow on a schedule and, optionally, when files land in `staging/`; a least-privilege role built from the
 * lake's grant helpers; a security configuration that encrypts logs, bookmarks and outputs; the contract's
 * data-quality ruleset on the warehouse table; and alerts by email when a run or its data quality fails.
 */
export class GlueEtlJob extends pulumi.ComponentResource {
  static readonly TYPE = componentType('etl', 'GlueEtlJob');

  readonly job: aws.glue.Job;
  readonly jobName: pulumi.Output<string>;
  readonly role: aws.iam.Role;
  readonly roleArn: pulumi.Output<string>;
  readonly jobKey: aws.kms.Key;
  readonly securityConfiguration: aws.glue.SecurityConfiguration;
  readonly securityConfigurationName: string;
  /** The uploaded files, in the order script, modules, files. */
  readonly codeObjects: aws.s3.BucketObjectv2[];
  /** SHA-256 (16 hex digits) of the job's files; part of every code object's key. */
  readonly codeHash: string;
  readonly scriptLocation: pulumi.Output<string>;
  readonly defaultArguments: pulumi.Output<Record<string, string>>;
  /** `/aws-glue/jobs/<security configuration>-role/<role>/`: the job's `output` and `error` log groups. */
  readonly logGroupPrefix: pulumi.Output<string>;
  readonly workflow: aws.glue.Workflow;
  readonly workflowName: pulumi.Output<string>;
  /** `undefined` when `schedule` is false. */
  readonly scheduleTrigger: aws.glue.Trigger | undefined;
  /** `undefined` unless `onUpload.enabled`. */
  readonly upload: GlueEtlUploadResources | undefined;
  readonly dataQualityRuleset: aws.glue.DataQualityRuleset;
  readonly dataQualityRulesetName: pulumi.Output<string>;
  readonly alertsKey: aws.kms.Key;
  readonly alertsTopic: aws.sns.Topic;
  readonly alertsTopicArn: pulumi.Output<string>;
  readonly alertsTopicName: pulumi.Output<string>;
  readonly alertRules: { jobFailed: aws.cloudwatch.EventRule; dataQualityFailed: aws.cloudwatch.EventRule };
  readonly alertSubscriptions: aws.sns.TopicSubscription[];

  constructor(name: string, args: GlueEtlJobArgs, opts?: pulumi.ComponentResourceOptions) {
    // Everything is checked, and the code read and hashed, before anything registers.
    const settings = resolveGlueEtlJobArgs(name, args);
    const bundle = GlueEtlJob.bundle(name, settings);
    const emailNames = GlueEtlJob.subscriptionNames(name, settings.alertEmails);
    super(GlueEtlJob.TYPE, name, {}, opts);
    const t = settings.transform;
    const { lake, catalog } = args;
    const env = awsEnvironment(this);
    const tags = mergeTags(settings.tags, { component: 'GlueEtlJob', instance: name });
    const bucket = pulumi.output(lake.dataBucketName);
    const lakeKeyArn = pulumi.output(lake.kmsKeyArn);
    this.codeHash = bundle.hash;
    this.securityConfigurationName = defaultSecurityConfigurationName(name, pulumi.getStack());
    const scName = this.securityConfigurationName;

    this.codeObjects = bundle.files.map((file) =>
      createChild(
        this,
        t.codeObject,
        `${name}-code-${slug(file.name)}`,
        {
          bucket,
          key: file.key,
          source: new pulumi.asset.FileAsset(file.path),
          contentType: file.name.endsWith('.py') ? 'text/x-python' : 'text/plain',
        },
        (n, a, o) => new aws.s3.BucketObjectv2(n, a, o),
      ),
    );

    this.jobKey = createChild(
      this,
      t.jobKey,
      `${name}-job-key`,
      {
        description: `Encrypts the logs and bookmarks of the ${name} Glue ETL job`,
        ...componentKeySettings(),
        policy: env.apply((e) => JSON.stringify(jobKeyPolicy(e, scName))),
        tags,
      },
      (n, a, o) => new aws.kms.Key(n, a, o),
    );
    this.securityConfiguration = createChild(
      this,
      t.securityConfiguration,
      `${name}-security`,
      {
        name: scName,
        encryptionConfiguration: pulumi
          .all([this.jobKey.arn, lakeKeyArn])
          .apply(([jobKey, lakeKey]) => jobEncryptionConfiguration(jobKey, lakeKey)),
      },
      (n, a, o) => new aws.glue.SecurityConfiguration(n, a, o),
      // Every change replaces a security configuration, and its name is fixed (the job key's policy names it):
      // the old one must go before the new one can take the name.
      { deleteBeforeReplace: true },
    );

    this.role = createChild(
      this,
      t.jobRole,
      `${name}-job-role`,
      {
        description: `The ${name} Glue ETL job: reads staging/, writes the warehouse and quarantine`,
        assumeRolePolicy: env.apply((e) => JSON.stringify(glueJobTrustPolicy(e.accountId))),
        tags,
      },
      (n, a, o) => new aws.iam.Role(n, a, o),
    );
    this.roleArn = this.role.arn;
    const jobPolicy = createChild(
      this,
      t.jobPolicy,
      `${name}-job-policy`,
      {
        role: this.role.name,
        policy: pulumi
          .all([env, lake.dataBucketArn, lakeKeyArn, this.jobKey.arn, this.role.name, catalog.databaseName])
          .apply(([e, dataBucketArn, lakeKey, jobKeyArn, roleName, databaseName]) =>
            JSON.stringify(
              jobPolicyDocument({
                ...e,
                dataBucketArn,
                zones: settings.zones,
                lakeKmsKeyArn: lakeKey,
                jobKeyArn,
                securityConfigurationName: scName,
                roleName,
                databaseName,
              }),
            ),
          ),
      },
      (n, a, o) => new aws.iam.RolePolicy(n, a, o),
    );
    this.logGroupPrefix = this.role.name.apply((roleName) => jobLogGroupPrefix(scName, roleName));

    const script = bundle.files.find((f) => f.role === 'script')!;
    this.scriptLocation = bucket.apply((b) => s3Uri(b, script.key));
    this.defaultArguments = bucket.apply((b) =>
      jobDefaultArguments({
        bucket: b,
        zones: settings.zones,
        code: bundle,
        dataQualityFailure: settings.dataQualityFailure,
      }),
    );
    this.job = createChild(
      this,
      t.job,
      `${name}-job`,
      {
        description: `The Spotify lake ETL (Glue ${GLUE_VERSION}): staging/ to the warehouse and quarantine, code ${bundle.hash}`,
        roleArn: this.role.arn,
        glueVersion: GLUE_VERSION,
        command: this.scriptLocation.apply(glueEtlCommand),
        workerType: settings.workerType,
        numberOfWorkers: settings.numberOfWorkers,
        timeout: settings.timeoutMinutes,
        maxRetries: settings.maxRetries,
        executionProperty: singleRunAtATime(),
        securityConfiguration: this.securityConfiguration.name,
        defaultArguments: this.defaultArguments,
        tags,
      },
      (n, a, o) => new aws.glue.Job(n, a, o),
      // The code is in place and the role may act before the job can run.
      { dependsOn: [jobPolicy, ...this.codeObjects] },
    );
    this.jobName = this.job.name;

    this.workflow = createChild(
      this,
      t.workflow,
      `${name}-workflow`,
      { description: `Runs the ${name} Glue ETL job`, maxConcurrentRuns: 1, tags },
      (n, a, o) => new aws.glue.Workflow(n, a, o),
    );
    this.workflowName = this.workflow.name;
    this.scheduleTrigger =
      settings.schedule === undefined
        ? undefined
        : createChild(
            this,
            t.scheduleTrigger,
            `${name}-schedule-trigger`,
            {
              description: `Runs the ETL on ${settings.schedule} (UTC)`,
              type: 'SCHEDULED',
              schedule: settings.schedule,
              workflowName: this.workflow.name,
              actions: [{ jobName: this.job.name }],
              // Active once created (the provider starts it), but creating it starts no run.
              startOnCreation: false,
              tags,
            },
            (n, a, o) => new aws.glue.Trigger(n, a, o),
          );
    this.upload = settings.onUpload ? this.createUpload(name, settings, bucket, env, tags) : undefined;

    const checks = dataQualityChecks();
    this.dataQualityRuleset = createChild(
      this,
      t.dataQualityRuleset,
      `${name}-dq-ruleset`,
      {
        description: `The data contract's rules for the warehouse table (${checks.rules.length} rules); the ETL job evaluates the same DQDL`,
        ruleset: checks.dqdl,
        targetTable: { databaseName: catalog.databaseName, tableName: settings.warehouseTableName },
        tags,
      },
      (n, a, o) => new aws.glue.DataQualityRuleset(n, a, o),
    );
    this.dataQualityRulesetName = this.dataQualityRuleset.name;

    this.alertsKey = createChild(
      this,
      t.alertsKey,
      `${name}-alerts-key`,
      {
        description: `Encrypts the alerts topic of the ${name} Glue ETL job; EventBridge may use it to publish`,
        ...componentKeySettings(),
        policy: env.apply((e) => JSON.stringify(alertsKeyPolicy(e))),
        tags,
      },
      (n, a, o) => new aws.kms.Key(n, a, o),
    );
    this.alertsTopic = createChild(
      this,
      t.alertsTopic,
      `${name}-alerts`,
      { displayName: `${name} ETL alerts`, kmsMasterKeyId: this.alertsKey.arn, tags },
      (n, a, o) => new aws.sns.Topic(n, a, o),
    );
    this.alertsTopicArn = this.alertsTopic.arn;
    this.alertsTopicName = this.alertsTopic.name;
    // One rule and one target per kind of alert; the message says which run failed and where its logs are.
    const alerts = [
      {
        slug: 'job-failed',
        description: 'A run of the ETL job failed, timed out, stopped or errored',
        pattern: jobFailurePattern,
        message: jobFailureMessage,
      },
      {
        slug: 'dq-failed',
        description: "The warehouse failed the contract's data-quality rules in a run of the ETL job",
        pattern: dataQualityFailurePattern,
        message: dataQualityFailureMessage,
      },
    ] as const;
    const rules = alerts.map((alert) =>
      createChild(
        this,
        t.alertRule,
        `${name}-${alert.slug}-rule`,
        {
          description: alert.description,
          eventPattern: this.job.name.apply((job) => JSON.stringify(alert.pattern(job))),
          tags,
        },
        (n, a, o) => new aws.cloudwatch.EventRule(n, a, o),
      ),
    );
    this.alertRules = { jobFailed: rules[0]!, dataQualityFailed: rules[1]! };
    const topicPolicy = createChild(
      this,
      t.alertsTopicPolicy,
      `${name}-alerts-policy`,
      {
        arn: this.alertsTopic.arn,
        policy: pulumi
          .all([this.alertsTopic.arn, pulumi.all(rules.map((rule) => rule.arn))])
          .apply(([topic, ruleArns]) => JSON.stringify(alertsTopicPolicy(topic, ruleArns))),
      },
      (n, a, o) => new aws.sns.TopicPolicy(n, a, o),
    );
    for (const [i, alert] of alerts.entries()) {
      createChild(
        this,
        t.alertTarget,
        `${name}-${alert.slug}-target`,
        {
          rule: rules[i]!.name,
          arn: this.alertsTopic.arn,
          inputTransformer: this.logGroupPrefix.apply((logGroupPrefix) => alert.message({ logGroupPrefix })),
        },
        (n, a, o) => new aws.cloudwatch.EventTarget(n, a, o),
        // Until the topic admits the rules, EventBridge's deliveries would be refused.
        { dependsOn: [topicPolicy] },
      );
    }
    this.alertSubscriptions = settings.alertEmails.map((email, i) =>
      createChild(
        this,
        t.alertSubscription,
        emailNames[i]!,
        { topic: this.alertsTopic.arn, protocol: 'email', endpoint: email },
        (n, a, o) => new aws.sns.TopicSubscription(n, a, o),
      ),
    );

    this.registerOutputs({
      jobName: this.jobName,
      roleArn: this.roleArn,
      workflowName: this.workflowName,
      scriptLocation: this.scriptLocation,
      codeHash: this.codeHash,
      defaultArguments: this.defaultArguments,
      logGroupPrefix: this.logGroupPrefix,
      securityConfigurationName: this.securityConfigurationName,
      dataQualityRulesetName: this.dataQualityRulesetName,
      alertsTopicArn: this.alertsTopicArn,
      alertsTopicName: this.alertsTopicName,
    });
  }

  /**
   * The EVENT trigger, created after the scheduled one (Glue refuses concurrent changes to a workflow: "Workflow
   * was modified"), and the EventBridge rule that notifies the workflow of uploads to `staging/`.
   */
  private createUpload(
    name: string,
    settings: ResolvedGlueEtlJobArgs,
    bucket: pulumi.Output<string>,
    env: ReturnType<typeof awsEnvironment>,
    tags: pulumi.Output<Record<string, string>>,
  ): GlueEtlUploadResources {
    const t = settings.transform;
    const onUpload = settings.onUpload!;
    const trigger = createChild(
      this,
      t.uploadTrigger,
      `${name}-upload-trigger`,
      {
        description: `Runs the ETL after ${onUpload.batchSize} uploads to ${settings.zones.staging}, or ${onUpload.batchWindowSeconds} s after the first`,
        type: 'EVENT',
        workflowName: this.workflow.name,
        actions: [{ jobName: this.job.name }],
        eventBatchingConditions: [
          { batchSize: onUpload.batchSize, batchWindow: onUpload.batchWindowSeconds },
        ],
        startOnCreation: false,
        tags,
      },
      (n, a, o) => new aws.glue.Trigger(n, a, o),
      { dependsOn: this.scheduleTrigger ? [this.scheduleTrigger] : [] },
    );
    const rule = createChild(
      this,
      t.uploadRule,
      `${name}-upload-rule`,
      {
        description: `Objects created under ${settings.zones.staging} in the lake`,
        eventPattern: bucket.apply((b) => JSON.stringify(stagingUploadPattern(b, settings.zones.staging))),
        tags,
      },
      (n, a, o) => new aws.cloudwatch.EventRule(n, a, o),
    );
    const role = createChild(
      this,
      t.uploadRole,
      `${name}-upload-role`,
      {
        description: `Lets the ${name} upload rule notify its Glue workflow`,
        assumeRolePolicy: pulumi
          .all([env, rule.arn])
          .apply(([e, ruleArn]) => JSON.stringify(eventBridgeTrustPolicy(e.accountId, ruleArn))),
        tags,
      },
      (n, a, o) => new aws.iam.Role(n, a, o),
    );
    const policy = createChild(
      this,
      t.uploadPolicy,
      `${name}-upload-policy`,
      {
        role: role.name,
        policy: this.workflow.arn.apply((arn) => JSON.stringify(notifyWorkflowPolicy(arn))),
      },
      (n, a, o) => new aws.iam.RolePolicy(n, a, o),
    );
    const target = createChild(
      this,
      t.uploadTarget,
      `${name}-upload-target`,
      { rule: rule.name, arn: this.workflow.arn, roleArn: role.arn },
      (n, a, o) => new aws.cloudwatch.EventTarget(n, a, o),
      // Events reach the workflow only once its EVENT trigger exists and the role may notify it.
      { dependsOn: [trigger, policy] },
    );
    return { trigger, rule, role, policy, target };
  }

  private static bundle(name: string, settings: ResolvedGlueEtlJobArgs): CodeBundle {
    try {
      return codeBundle(settings.code, settings.zones.scripts, name);
    } catch (error) {
      throw new Error(`GlueEtlJob "${name}": ${(error as Error).message}`);
    }
  }

  /** One subscription per address, named after it, so reordering the list replaces nothing. */
  private static subscriptionNames(name: string, emails: readonly string[]): string[] {
    const names = emails.map((email) => `${name}-alert-${slug(email)}`);
    const clash = names.find((n, i) => names.indexOf(n) !== i);
    if (clash !== undefined) {
      throw new Error(`GlueEtlJob "${name}": alertEmails has two addresses that both name ${clash}`);
    }
    return names;
  }
}
