import { describe, expect, it } from 'vitest';
import { StackConfigError } from '../src/config-error';
import { assertProductionSafe, isProductionStack } from '../src/production-stacks';

describe('isProductionStack', () => {
  it.each([
    'prod',
    'production',
    'Prod',
    'PROD',
    'prod-eu',
    'production-2',
    'eu-prod',
    'analytics_prod',
    'eu.prod.2',
  ])('%s is production', (stack) => {
    expect(isProductionStack(stack)).toBe(true);
  });

  it.each(['dev', 'staging', 'dev-alice', 'product', 'prodigy', 'preprod', 'reproduction', 'products-dev'])(
    '%s is not',
    (stack) => {
      expect(isProductionStack(stack)).toBe(false);
    },
  );
});

describe('assertProductionSafe', () => {
  const safe = { encryption: 'kms', disposableData: false };

  it('accepts anything on a non-production stack', () => {
    expect(() =>
      assertProductionSafe({ stack: 'dev', encryption: 'sse-s3', disposableData: true }),
    ).not.toThrow();
  });

  it('accepts KMS and protected data on production', () => {
    expect(() => assertProductionSafe({ stack: 'prod', ...safe })).not.toThrow();
  });

  it('refuses disposable data on production, naming the key and the stack file', () => {
    const attempt = () => assertProductionSafe({ stack: 'prod-eu', ...safe, disposableData: true });
    expect(attempt).toThrow(StackConfigError);
    expect(attempt).toThrow(
      'Invalid configuration spotify-lake:disposableData: is true but "prod-eu" is a production stack, whose data ' +
        'is never disposable; remove the key from Pulumi.prod-eu.yaml',
    );
  });

  it('refuses SSE-S3 on production, with the value to set', () => {
    expect(() => assertProductionSafe({ stack: 'production', ...safe, encryption: 'sse-s3' })).toThrow(
      'Invalid configuration spotify-lake:encryption: is "sse-s3" but "production" is a production stack, which ' +
        'encrypts with a customer-managed KMS key; set it with: pulumi config set spotify-lake:encryption kms',
    );
  });
});
