import { describe, expect, it } from 'vitest';
import { businessToday, formatDay } from './dates';

describe('dates', () => {
  it('writes an API day as the same calendar day, whatever the browser zone', () => {
    expect(formatDay('2026-11-16', { year: 'numeric', month: '2-digit', day: '2-digit' })).toMatch(/16/);
    expect(formatDay(null)).toBe('');
    expect(formatDay('not a day')).toBe('not a day');
  });

  it('tells the day in Shanghai', () => {
    expect(businessToday(new Date('2026-11-24T15:59:00Z'))).toBe('2026-11-24');
    expect(businessToday(new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
  });
});
