import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemorySessionRevocations } from '../../src/auth/session-revocations.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-revocations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('MemorySessionRevocations', () => {
  it('ends one session by id, and only it', () => {
    const r = new MemorySessionRevocations();
    r.revoke('s1', Date.now() + 60_000);
    expect(r.isRevoked('s1', 'p\0key\0A', 1)).toBe(true);
    expect(r.isRevoked('s2', 'p\0key\0A', 1)).toBe(false);
  });

  it("ends a subject's sessions made up to a time, not later ones nor another subject's", () => {
    const r = new MemorySessionRevocations();
    r.revokeSubject('p\0key\0A', 1000, Date.now() + 60_000);
    expect(r.isRevoked('s1', 'p\0key\0A', 999)).toBe(true);
    expect(r.isRevoked('s1', 'p\0key\0A', 1000)).toBe(true);
    expect(r.isRevoked('s2', 'p\0key\0A', 1001)).toBe(false);
    expect(r.isRevoked('s3', 'p\0key\0B', 500)).toBe(false);
  });

  it('forgets a note once the sessions it ends would have expired anyway', () => {
    let now = 0;
    const r = new MemorySessionRevocations(undefined, () => now);
    r.revokeSubject('subject', 10, 100);
    expect(r.isRevoked('x', 'subject', 5)).toBe(true);
    now = 100;
    expect(r.isRevoked('x', 'subject', 5)).toBe(false);
  });

  it('reads its file back, skipping a torn line and expired notes, and compacts it', () => {
    const file = path.join(dir, 'revoked.jsonl');
    const a = new MemorySessionRevocations(file);
    a.revoke('kept', Date.now() + 60_000);
    a.revokeSubject('who', 5, Date.now() + 60_000);
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}${JSON.stringify({ sid: 'old', until: 1 })}\n{"sid":"torn`,
    );
    const b = new MemorySessionRevocations(file);
    expect(b.isRevoked('kept', '', 0)).toBe(true);
    expect(b.isRevoked('other', 'who', 4)).toBe(true);
    expect(b.isRevoked('old', '', 0)).toBe(false);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
