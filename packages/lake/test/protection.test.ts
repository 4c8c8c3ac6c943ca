import { describe, expect, it } from 'vitest';
import { resolveDataProtection } from '../src/protection';

const PROTECTED = {
  disposable: false,
  resourceOptions: { protect: true, retainOnDelete: true },
  forceDestroy: false,
};

describe('resolveDataProtection', () => {
  it('protects and retains data by default', () => {
    expect(resolveDataProtection('lake', 'prod', undefined)).toEqual(PROTECTED);
  });

  it('needs both steps: enabled true and confirm naming the stack', () => {
    expect(resolveDataProtection('lake', 'dev', { enabled: true, confirm: 'dev' })).toEqual({
      disposable: true,
      resourceOptions: {},
      forceDestroy: true,
    });
    expect(resolveDataProtection('lake', 'dev', { enabled: false, confirm: 'dev' })).toEqual(PROTECTED);
    expect(() => resolveDataProtection('lake', 'dev', { enabled: true, confirm: '' })).toThrow(
      'lake: disposableData.enabled is true but disposableData.confirm is missing',
    );
    expect(() => resolveDataProtection('lake', 'prod', { enabled: true, confirm: 'dev' })).toThrow(
      'lake: disposableData.confirm is "dev" but this stack is "prod"',
    );
  });

  it('rejects a non-boolean enabled, so "false" as a string cannot switch protection off', () => {
    expect(() =>
      resolveDataProtection('lake', 'dev', { enabled: 'false' as unknown as boolean, confirm: 'dev' }),
    ).toThrow('lake: disposableData.enabled must be true or false');
  });

  it('never turns forceDestroy on without disposable data', () => {
    for (const args of [undefined, { enabled: false, confirm: 'dev' }]) {
      expect(resolveDataProtection('lake', 'dev', args).forceDestroy).toBe(false);
    }
  });
});
