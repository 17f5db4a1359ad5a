import { describe, expect, it } from 'vitest';
import { describeCron, formatDuration } from './format';

describe('describeCron', () => {
  it('puts the schedules of the nightly, weekly and monthly jobs in words', () => {
    expect(describeCron('0 0 2 * * *')).toBe('Every day at 02:00');
    expect(describeCron('0 0 7 * * MON')).toBe('Every Monday at 07:00');
    expect(describeCron('0 30 6 * * MON-FRI')).toBe('Every Monday to Friday at 06:30');
    expect(describeCron('0 0 9 * * MON,WED,FRI')).toBe('Every Monday, Wednesday and Friday at 09:00');
    expect(describeCron('0 15 * * * *')).toBe('Every hour at minute 15');
    expect(describeCron('0 0 1 1 * ?')).toBe('On day 1 of every month at 01:00');
    expect(describeCron('@daily')).toBe('Every day at 00:00');
  });

  it('gives up on shapes it does not know', () => {
    expect(describeCron('*/10 * * * * *')).toBeUndefined();
    expect(describeCron('0 0 2 * JAN *')).toBeUndefined();
    expect(describeCron('0 0 2 * *')).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('scales the unit to the length', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatDuration(null)).toBe('');
  });
});
