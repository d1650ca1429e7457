import { describe, expect, it } from 'vitest';
import { deleteEffect } from './delete-effect';

describe('deleteEffect', () => {
  it('says a delete leaves a marker where the bucket versions', () => {
    expect(deleteEffect('Enabled')).toBe(
      'Creates a delete marker; older versions stay (Show deleted lists it, Undelete brings it back).',
    );
    expect(deleteEffect('Suspended')).toMatch(/the “null” version is replaced by a delete marker/);
  });

  it('says it is for good elsewhere, or while not known', () => {
    for (const versioning of ['Off', 'unsupported', 'unknown', undefined] as const) {
      expect(deleteEffect(versioning)).toBe('This cannot be undone.');
    }
  });
});
