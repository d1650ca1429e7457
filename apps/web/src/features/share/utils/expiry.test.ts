import { describe, expect, it } from 'vitest';
import { expirySeconds, formatDuration, toLocalInput } from './expiry';

const WEEK = 7 * 24 * 3600;
const now = new Date(2026, 11, 7, 10, 0, 0); // local time

describe('expirySeconds', () => {
  it('turns the presets into seconds', () => {
    expect(expirySeconds({ kind: 'preset', preset: '1h' }, WEEK, now)).toEqual({ seconds: 3600 });
    expect(expirySeconds({ kind: 'preset', preset: '1d' }, WEEK, now)).toEqual({ seconds: 86400 });
    expect(expirySeconds({ kind: 'preset', preset: '7d' }, WEEK, now)).toEqual({ seconds: WEEK });
  });

  it('refuses a preset beyond the mode’s limit, naming the limit', () => {
    expect(expirySeconds({ kind: 'preset', preset: '7d' }, 86400, now)).toEqual({
      problem: 'A link of this kind lasts at most 1 day on this store',
    });
  });

  it('counts a custom local date and time from now', () => {
    expect(expirySeconds({ kind: 'custom', local: '2026-12-08T10:00' }, WEEK, now)).toEqual({
      seconds: 86400,
    });
    expect(expirySeconds({ kind: 'custom', local: '2026-12-07T10:01' }, WEEK, now)).toEqual({
      seconds: 60,
    });
  });

  it('refuses a custom date in the past, too soon, too far or not a date', () => {
    const at = (local: string, max = WEEK) => expirySeconds({ kind: 'custom', local }, max, now);
    expect(at('2026-12-07T09:00')).toEqual({ problem: 'Choose a time at least a minute from now' });
    expect(at('2026-12-07T10:00')).toEqual({ problem: 'Choose a time at least a minute from now' });
    expect(at('2026-12-15T10:00')).toEqual({
      problem: 'A link of this kind lasts at most 7 days on this store',
    });
    expect(at('')).toEqual({ problem: 'Enter a date and time' });
    expect(at('tomorrow')).toEqual({ problem: 'Enter a date and time' });
    expect(at('2026-13-40T10:00')).toEqual({ problem: 'Enter a date and time' });
  });
});

describe('formatDuration', () => {
  it('says a limit in its largest whole unit', () => {
    expect(formatDuration(WEEK)).toBe('7 days');
    expect(formatDuration(86400)).toBe('1 day');
    expect(formatDuration(12 * 3600)).toBe('12 hours');
    expect(formatDuration(36 * 3600)).toBe('36 hours');
    expect(formatDuration(90 * 60)).toBe('90 minutes');
    expect(formatDuration(61)).toBe('61 seconds');
  });
});

describe('toLocalInput', () => {
  it('writes the datetime-local value of a moment, which expirySeconds reads back', () => {
    const later = new Date(2026, 0, 2, 3, 4, 59);
    expect(toLocalInput(later)).toBe('2026-01-02T03:04');
    const custom = { kind: 'custom', local: toLocalInput(new Date(2026, 11, 8, 10, 0)) } as const;
    expect(expirySeconds(custom, WEEK, now)).toEqual({ seconds: 86400 });
  });
});
