import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditQuery } from '@stowage/shared';
import { AuditLog } from '../../src/audit/audit-log.js';
import { readAuditTail } from '../../src/audit/audit-tail.js';
import { loadConfig } from '../../src/config/load-config.js';
import { problemsOf } from './config-fixtures.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-audit-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('STOWAGE_AUDIT_LOG and admins in the configuration', () => {
  it('no audit log unless asked; stdout, a file, or both', () => {
    expect(loadConfig({}).audit).toBeUndefined();
    expect(loadConfig({ STOWAGE_AUDIT_LOG: 'stdout,/var/log/a.log' }).audit).toEqual({
      stdout: true,
      file: '/var/log/a.log',
    });
    expect(problemsOf({ STOWAGE_AUDIT_LOG: 'audit.log' }).join()).toContain(
      'STOWAGE_AUDIT_LOG: "audit.log" is neither stdout nor an absolute file path',
    );
  });

  it("STOWAGE_ADMIN marks the environment's profile; a profiles file says it per profile", () => {
    expect(loadConfig({}).access.profiles[0]!.admin).toBe(false);
    expect(loadConfig({ STOWAGE_ADMIN: 'true' }).access.profiles[0]!.admin).toBe(true);
    const file = path.join(dir, 'profiles.json');
    writeFileSync(
      file,
      JSON.stringify({
        profiles: [
          { name: 'ops', endpoint: 'http://rgw:7480', admin: true },
          { name: 'team', endpoint: 'http://rgw:7480' },
        ],
      }),
    );
    const c = loadConfig({ STOWAGE_PROFILES_FILE: file });
    expect(c.access.profiles.map((p) => [p.name, p.admin])).toEqual([
      ['ops', true],
      ['team', false],
    ]);
    expect(problemsOf({ STOWAGE_PROFILES_FILE: file, STOWAGE_ADMIN: 'true' }).join()).toContain(
      'with a profiles file, set `admin: true` on a profile instead',
    );
  });
});

describe('the audit file', () => {
  const entry = (i: number, action = 'object.delete'): AuditEntry => ({
    time: new Date(1_800_000_000_000 + i).toISOString(),
    user: { who: i % 2 ? 'AKODD' : 'AKEVEN' },
    profile: 'p',
    client: '127.0.0.1',
    action,
    bucket: i % 3 ? 'b' : 'c',
    key: `k/${String(i).padStart(5, '0')}-${'x'.repeat(150)}`,
    result: { status: 204 },
    requestId: `r${i}`,
  });
  const query = (q: Partial<AuditQuery>): AuditQuery => ({ limit: 100, ...q });

  it('is read backwards across chunks, newest first, paged by its cursor, filtered', async () => {
    const file = path.join(dir, 'big.log');
    const n = 3000; // ~700 KB: many 64 KiB chunks, lines cut at their edges
    const lines = Array.from({ length: n }, (_, i) =>
      JSON.stringify(entry(i, i % 10 === 0 ? 'auth.sign-in' : 'object.delete')),
    );
    // A torn last line (a write cut short) and a line that is not an entry are skipped.
    writeFileSync(file, `${lines.join('\n')}\nnot json\n{"time":"x"}\n{"time":"2026-`);
    const ids: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 100; page++) {
      const r = await readAuditTail(file, query({ limit: 450, before }));
      ids.push(...r.entries.map((e) => e.requestId));
      if (r.cursor === null) break;
      before = r.cursor;
    }
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => `r${n - 1 - i}`));

    const filtered = await readAuditTail(
      file,
      query({ action: 'auth.', user: 'akeven', bucket: 'c', limit: 500 }),
    );
    const want = Array.from({ length: n }, (_, i) => n - 1 - i)
      .filter((i) => i % 10 === 0 && i % 2 === 0 && i % 3 === 0)
      .map((i) => `r${i}`);
    expect(filtered.entries.map((e) => e.requestId)).toEqual(want);
    expect(filtered.cursor).toBeNull();
  });

  it('a missing file is an empty log', async () => {
    expect(await readAuditTail(path.join(dir, 'none.log'), query({}))).toEqual({
      entries: [],
      cursor: null,
    });
  });

  it('a write that fails is told once and never thrown; the file opens once it can', () => {
    const sub = path.join(dir, 'later');
    const told: string[] = [];
    const log = new AuditLog({ stdout: false, file: path.join(sub, 'audit.log') });
    log.onProblem = (message) => void told.push(message);
    log.write(entry(1));
    log.write(entry(2));
    expect(told).toEqual([`Cannot write the audit log ${path.join(sub, 'audit.log')}`]);
    // The folder appears: the next write opens the file and works.
    mkdirSync(sub);
    log.write(entry(3));
    log.close();
    expect(readFileSync(path.join(sub, 'audit.log'), 'utf8')).toContain('"requestId":"r3"');
    expect(told).toHaveLength(1);
  });
});
