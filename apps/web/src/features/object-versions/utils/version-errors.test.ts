import { describe, expect, it } from 'vitest';
import { ApiRequestError, type ClientErrorCode } from '@/lib/api-client';
import { versionErrorMessage } from './version-errors';

const apiError = (status: number, code: ClientErrorCode) =>
  new ApiRequestError(status, `The API said ${code}.`, { code });

describe('versionErrorMessage', () => {
  it("says the versions codes in plain sentences, not the API's message", () => {
    expect(versionErrorMessage(apiError(501, 'VersioningUnsupported'))).toBe(
      'This store does not keep versions.',
    );
    expect(versionErrorMessage(apiError(404, 'NoSuchVersion'))).toMatch(/no longer exists/);
    expect(versionErrorMessage(apiError(409, 'NotDeleted'))).toMatch(/nothing to undelete/);
    expect(versionErrorMessage(apiError(404, 'NoSuchKey'))).toMatch(/no version of this object/);
    expect(versionErrorMessage(apiError(403, 'StoreRefused'))).toMatch(/refused/);
  });

  it('says anything else as the API said it', () => {
    expect(versionErrorMessage(apiError(502, 'StoreUnavailable'))).toBe(
      'The API said StoreUnavailable.',
    );
    expect(versionErrorMessage(new Error('boom'))).toBe('boom');
    expect(versionErrorMessage('?')).toBe('Something went wrong.');
  });
});
