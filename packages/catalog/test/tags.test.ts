import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { defaultTags, mergeTags } from '../src/tags';
import { resolvedValue } from './support/pulumi-mocks';

describe('tags', () => {
  it('defaults name the component and the instance', () => {
    expect(defaultTags('cat')).toEqual({
      'spotify-lake:component': 'LakeCatalog',
      'spotify-lake:instance': 'cat',
    });
  });

  it('adds user tags, a user tag winning over a default with the same key', async () => {
    const tags = await resolvedValue(
      mergeTags('cat', { team: pulumi.output('data'), 'spotify-lake:instance': 'renamed' }),
    );
    expect(tags).toEqual({
      'spotify-lake:component': 'LakeCatalog',
      'spotify-lake:instance': 'renamed',
      team: 'data',
    });
  });

  it('accepts no tags', async () => {
    expect(await resolvedValue(mergeTags('cat', undefined))).toEqual(defaultTags('cat'));
  });
});
