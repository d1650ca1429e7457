import { describe, expect, it } from 'vitest';
import { limitBytes } from './size-units';

describe('limitBytes', () => {
  it('is no limit when empty', () => {
    expect(limitBytes('', 'MB')).toEqual({ bytes: undefined });
    expect(limitBytes('  ', 'GB')).toEqual({ bytes: undefined });
  });

  it('turns MB and GB (binary) into whole bytes', () => {
    expect(limitBytes('10', 'MB')).toEqual({ bytes: 10 * 1024 * 1024 });
    expect(limitBytes('1.5', 'GB')).toEqual({ bytes: 1.5 * 1024 ** 3 });
    expect(limitBytes(' 2 ', 'GB')).toEqual({ bytes: 2 * 1024 ** 3 });
    expect(limitBytes('.5', 'MB')).toEqual({ bytes: 512 * 1024 });
    expect(limitBytes('0.000001', 'MB')).toEqual({ bytes: 1 });
  });

  it('refuses what is not a positive plain number', () => {
    for (const text of ['-1', '1e3', 'ten', '1,5', '1.', 'Infinity']) {
      expect(limitBytes(text, 'MB'), text).toEqual({
        problem: 'Enter a number, such as 10 or 1.5',
      });
    }
    expect(limitBytes('0', 'GB')).toEqual({ problem: 'A limit is more than 0' });
    expect(limitBytes('0.0000000001', 'MB')).toEqual({ problem: 'A limit is more than 0' });
    expect(limitBytes('99999999999', 'GB')).toEqual({ problem: 'This limit is too large' });
  });
});
