import { describe, expect, it } from 'vitest';
import { uploadSummary } from './upload-summary';

describe('uploadSummary', () => {
  it('counts stored, refused and what is left', () => {
    expect(uploadSummary([])).toBe('0 stored');
    expect(
      uploadSummary([
        { status: 'stored', size: 1 },
        { status: 'refused', message: 'x' },
        { status: 'sending', loaded: 1, total: 2 },
        { status: 'waiting' },
        { status: 'stored', size: 2 },
      ]),
    ).toBe('2 stored, 1 refused, 2 to go');
    expect(uploadSummary([{ status: 'stored', size: 1 }])).toBe('1 stored');
  });
});
