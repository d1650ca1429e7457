import { describe, expect, it } from 'vitest';
import { parseAuditDestinations } from '../../src/audit/audit-destinations.js';

describe('STOWAGE_AUDIT_LOG', () => {
  it.each([
    ['stdout', { stdout: true, file: undefined }],
    ['/var/log/stowage/audit.log', { stdout: false, file: '/var/log/stowage/audit.log' }],
    ['stdout,/var/log/a.log', { stdout: true, file: '/var/log/a.log' }],
    [' /var/log/a.log , stdout ', { stdout: true, file: '/var/log/a.log' }],
  ])('%s', (value, want) => {
    expect(parseAuditDestinations(value)).toEqual(want);
  });

  it.each([
    ['audit.log', /"audit.log" is neither stdout nor an absolute file path/],
    ['stderr', /"stderr" is neither/],
    ['/a.log,/b.log', /at most one file/],
    [',', /stdout, an absolute file path, or both/],
  ])('refuses %s with a sentence', (value, message) => {
    const r = parseAuditDestinations(value);
    expect('problem' in r && r.problem).toMatch(message);
  });
});
