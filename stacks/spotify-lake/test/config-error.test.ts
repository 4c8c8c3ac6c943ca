import { describe, expect, it } from 'vitest';
import { StackConfigError } from '../src/config-error';

describe('StackConfigError', () => {
  it('names the key first, then the problem', () => {
    const error = new StackConfigError('spotify-lake:crawler', 'must be true or false (got "yes")');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StackConfigError');
    expect(error.key).toBe('spotify-lake:crawler');
    expect(error.message).toBe(
      'Invalid configuration spotify-lake:crawler: must be true or false (got "yes")',
    );
  });

  it('adds the pulumi command that sets a valid value when given one', () => {
    expect(new StackConfigError('aws:region', 'is not set', 'eu-west-1').message).toBe(
      'Invalid configuration aws:region: is not set; set it with: pulumi config set aws:region eu-west-1',
    );
  });
});
