import { describe, expect, it } from 'vitest';
import {
  allowedHostsFrom,
  allowedHostsHint,
  hostAllowed,
  trustProxyFrom,
} from '../../src/config/http.js';

describe('hostAllowed', () => {
  const allowed = { any: false, names: ['localhost', 'stowage.example.com:8443', '.corp.example'] };
  it.each([
    ['localhost', true],
    ['localhost:1234', true],
    ['127.0.0.1:8080', true],
    ['[::1]:8080', true],
    ['10.1.2.3', true],
    ['stowage.example.com:8443', true],
    ['stowage.example.com:8444', false],
    ['stowage.example.com', false],
    ['x.corp.example', true],
    ['xcorp.example', false],
    ['', false],
    ['rebind.attacker.example', false],
    ['127.0.0.1.attacker.example', false],
  ])('%s → %s', (host, ok) => {
    expect(hostAllowed(allowed, host)).toBe(ok);
  });
});

describe('allowedHostsFrom', () => {
  it('allows the loopback names, HOST when it is a name, and the public URL by default', () => {
    expect(allowedHostsFrom(undefined, '127.0.0.1', undefined)).toEqual({
      any: false,
      names: ['localhost'],
    });
    expect(allowedHostsFrom(undefined, 'stowage.lan', 'https://files.example.com/')).toEqual({
      any: false,
      names: ['localhost', 'stowage.lan', 'files.example.com'],
    });
  });

  it('reads a list, `*.domain` as `.domain`, and `*` as no check', () => {
    expect(allowedHostsFrom(' A.example , *.corp.example,b:8080', '0.0.0.0', undefined)).toEqual({
      any: false,
      names: ['localhost', 'a.example', '.corp.example', 'b:8080'],
    });
    expect(allowedHostsFrom('*', '127.0.0.1', undefined)).toEqual({ any: true, names: [] });
  });

  it('names a bad entry', () => {
    expect(allowedHostsFrom('ok.example,http://bad/', '127.0.0.1', undefined)).toMatch(
      /"http:\/\/bad\/" is not a host name/,
    );
  });
});

describe('trustProxyFrom', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.1, 10.1.0.0/16,loopback', ['10.0.0.1', '10.1.0.0/16', 'loopback']],
  ])('%s', (value, expected) => {
    expect(trustProxyFrom(value)).toEqual(expected);
  });

  it('names a bad entry', () => {
    expect(trustProxyFrom('10.0.0.1,proxy.lan')).toMatch(/"proxy.lan" is not an address/);
  });
});

describe('allowedHostsHint', () => {
  it('speaks only when every interface listens and no name of its own is allowed', () => {
    const loopbackOnly = { any: false, names: ['localhost'] };
    expect(allowedHostsHint('0.0.0.0', loopbackOnly)).toMatch(/^Listening on 0\.0\.0\.0: /);
    expect(allowedHostsHint('::', loopbackOnly)).toContain('STOWAGE_PUBLIC_URL');
    expect(allowedHostsHint('127.0.0.1', loopbackOnly)).toBeUndefined();
    expect(
      allowedHostsHint('0.0.0.0', { any: false, names: ['localhost', 'a.lan'] }),
    ).toBeUndefined();
    expect(allowedHostsHint('0.0.0.0', { any: true, names: [] })).toBeUndefined();
  });
});
