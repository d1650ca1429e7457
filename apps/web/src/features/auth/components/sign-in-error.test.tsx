import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/lib/api-client';
import { SignInError } from './sign-in-error';

// A unit test, not a Playwright spec: a Redis outage cannot be produced in the e2e run (one
// instance, no Redis), and a mocked 503 in a browser would test no more than this does.
describe('<SignInError>', () => {
  it('says sign-in is unavailable for a moment when the shared session store is down (503)', () => {
    const message =
      'Signing in is unavailable for a moment: the shared state store (Redis) cannot be reached. ' +
      'Try again shortly; if it goes on, tell the operator.';
    const html = renderToStaticMarkup(
      <SignInError error={new ApiRequestError(503, message, { code: 'SharedStateUnavailable' })} />,
    );
    expect(html).toContain('Sign-in is unavailable for a moment.');
    expect(html).toContain('the shared state store (Redis) cannot be reached');
    expect(html).not.toContain('Could not sign in.');
  });

  it('says the storage service cannot be reached when the store is down', () => {
    const html = renderToStaticMarkup(
      <SignInError error={new ApiRequestError(502, 'x', { code: 'StoreUnavailable' })} />,
    );
    expect(html).toContain('The storage service cannot be reached.');
  });
});
