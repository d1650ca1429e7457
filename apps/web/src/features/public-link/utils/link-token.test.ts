import { describe, expect, it } from 'vitest';
import { tokenOfPath } from './link-token';

describe('tokenOfPath', () => {
  it('reads the token of /s/<token>', () => {
    expect(tokenOfPath('/s/abc.DEF_1-2')).toBe('abc.DEF_1-2');
    expect(tokenOfPath('/s/abc.def/')).toBe('abc.def');
  });

  it('is null for anything else', () => {
    expect(tokenOfPath('/s/')).toBeNull();
    expect(tokenOfPath('/s/a/b')).toBeNull();
    expect(tokenOfPath('/s/a%20b')).toBeNull();
    expect(tokenOfPath('/b/demo')).toBeNull();
  });
});
