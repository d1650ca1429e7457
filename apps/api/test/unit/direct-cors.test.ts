import { describe, expect, it } from 'vitest';
import { corsAllowsDirectPut, wildcardMatch } from '../../src/upload/direct-cors.js';

const page = { origin: 'https://stowage.example.com', headers: ['content-md5'] };
const good = {
  AllowedOrigins: ['https://stowage.example.com'],
  AllowedMethods: ['PUT'],
  AllowedHeaders: ['content-md5'],
  ExposeHeaders: ['ETag'],
};

describe('wildcardMatch', () => {
  it.each([
    ['*', 'https://a.example', true],
    ['https://*.example.com', 'https://stowage.example.com', true],
    ['https://*.example.com', 'https://example.com', false],
    ['HTTPS://Stowage.Example.com', 'https://stowage.example.com', true],
    ['https://stowage.example.com', 'https://stowage.example.com:8443', false],
    ['x-amz-*', 'x-amz-meta-a', true],
    ['*-md5', 'content-md5', true],
    ['a*b*c', 'abc', false],
  ])('%s against %s: %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });
});

describe('corsAllowsDirectPut', () => {
  it('no rules: not allowed, says so', () => {
    expect(corsAllowsDirectPut(null, page)).toEqual({
      ok: false,
      why: 'the bucket has no CORS configuration',
    });
    expect(corsAllowsDirectPut([], page).ok).toBe(false);
  });

  it('a rule for the origin, PUT, content-md5 and exposing ETag: allowed', () => {
    expect(corsAllowsDirectPut([good], page)).toEqual({ ok: true });
  });

  it('wildcards in origin and headers, methods and header names in any case', () => {
    const rule = {
      AllowedOrigins: ['*'],
      AllowedMethods: ['get', 'put'],
      AllowedHeaders: ['*'],
      ExposeHeaders: ['etag'],
    };
    expect(
      corsAllowsDirectPut([rule], { ...page, headers: ['Content-MD5', 'content-type'] }),
    ).toEqual({ ok: true });
  });

  it('another origin: refused, naming the origin', () => {
    const verdict = corsAllowsDirectPut([good], { ...page, origin: 'http://localhost:5173' });
    expect(verdict).toEqual({
      ok: false,
      why: "the bucket's CORS does not allow PUT from http://localhost:5173 with content-md5",
    });
  });

  it('GET only, or content-md5 not allowed: refused', () => {
    expect(corsAllowsDirectPut([{ ...good, AllowedMethods: ['GET', 'HEAD'] }], page).ok).toBe(
      false,
    );
    expect(corsAllowsDirectPut([{ ...good, AllowedHeaders: undefined }], page).ok).toBe(false);
    expect(corsAllowsDirectPut([{ ...good, AllowedHeaders: ['content-type'] }], page).ok).toBe(
      false,
    );
  });

  it('ETag not exposed: refused, says so', () => {
    expect(corsAllowsDirectPut([{ ...good, ExposeHeaders: ['x-amz-request-id'] }], page)).toEqual({
      ok: false,
      why: "the bucket's CORS does not expose the ETag header",
    });
  });

  it('the first matching rule is the one applied (as S3 does)', () => {
    const first = { ...good, ExposeHeaders: [] };
    expect(corsAllowsDirectPut([first, good], page).ok).toBe(false);
    const other = { ...good, AllowedOrigins: ['https://other.example'], ExposeHeaders: [] };
    expect(corsAllowsDirectPut([other, good], page)).toEqual({ ok: true });
  });
});
