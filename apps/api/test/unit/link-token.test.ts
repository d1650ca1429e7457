import { describe, expect, it } from 'vitest';
import {
  linkKeyFrom,
  newLinkId,
  signLinkToken,
  verifyLinkToken,
  type LinkClaims,
} from '../../src/links/link-token.js';
import { claimsOfRecord, type LinkRecord } from '../../src/links/link-records.js';

const key = linkKeyFrom('a link secret of at least 32 characters');
const now = Date.parse('2026-06-01T12:00:00Z');
const claims: LinkClaims = {
  id: newLinkId(),
  kind: 'download',
  profile: 'ceph',
  bucket: 'reports',
  key: 'dir/ünïcode report.pdf',
  expiresAt: now / 1000 + 3600,
  downloadName: 'report.pdf',
  password: true,
  maxBytes: undefined,
  maxTotalBytes: undefined,
  overwrite: false,
};

describe('link tokens', () => {
  it('round trip: the claims come back, and the same claims make the same token', () => {
    const token = signLinkToken(key, claims);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyLinkToken(key, token, now)).toEqual({ ok: true, claims });
    expect(signLinkToken(key, { ...claims })).toBe(token);
    const upload: LinkClaims = {
      ...claims,
      kind: 'upload',
      key: 'inbox/',
      downloadName: undefined,
      password: false,
      maxBytes: 1000,
      maxTotalBytes: 5000,
      overwrite: true,
    };
    expect(verifyLinkToken(key, signLinkToken(key, upload), now)).toEqual({
      ok: true,
      claims: upload,
    });
  });

  it('refuses any changed character, of the payload or the mac, without detail', () => {
    const token = signLinkToken(key, claims);
    for (let at = 0; at < token.length; at++) {
      const c = token[at]!;
      if (c === '.') continue;
      const changed = `${token.slice(0, at)}${c === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
      // The mac's last character too, whose 2 unused bits decode the same (canonical only).
      expect(verifyLinkToken(key, changed, now), `character ${at}`).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    for (const bad of ['', '.', 'abc', `${token}.x`, token.split('.')[0]!, `.${token}`]) {
      expect(verifyLinkToken(key, bad, now)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses a token past its expiry (410), with the claims to say when', () => {
    const token = signLinkToken(key, claims);
    expect(verifyLinkToken(key, token, claims.expiresAt * 1000 - 1).ok).toBe(true);
    expect(verifyLinkToken(key, token, claims.expiresAt * 1000)).toEqual({
      ok: false,
      reason: 'expired',
      claims,
    });
  });

  it('refuses a token of another key (another secret, or none: a random key per process)', () => {
    const token = signLinkToken(key, claims);
    const other = linkKeyFrom('another link secret of 32 characters!!');
    expect(verifyLinkToken(other, token, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyLinkToken(linkKeyFrom(undefined), token, now).ok).toBe(false);
    expect(linkKeyFrom(undefined).equals(linkKeyFrom(undefined))).toBe(false);
    expect(linkKeyFrom('a link secret of at least 32 characters').equals(key)).toBe(true);
  });

  it("a record gives back its link's claims, so the Links view shows the same URL", () => {
    const record: LinkRecord = {
      v: 1,
      id: claims.id,
      kind: 'download',
      profile: claims.profile,
      bucket: claims.bucket,
      key: claims.key,
      createdBy: 'AK',
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
      downloadName: 'report.pdf',
      passwordHash: 'scrypt$…',
    };
    expect(signLinkToken(key, claimsOfRecord(record))).toBe(signLinkToken(key, claims));
  });
});
