import { describe, expect, it } from 'vitest';
import { formatBytes, lastFullWeek, mailedTo, pollWhileAnyPending, pollWhilePending, reportTypesFor } from './reportsApi';
import { report } from './fixtures';

describe('reportsApi', () => {
  it('offers the personal-data export to ops and admins only', () => {
    expect(reportTypesFor(['LEADERSHIP'])).toEqual(['WAITLIST_FUNNEL']);
    expect(reportTypesFor(['OPS'])).toEqual(['WAITLIST_FUNNEL', 'WAITLIST_DETAIL']);
    expect(reportTypesFor(['ADMIN'])).toEqual(['WAITLIST_FUNNEL', 'WAITLIST_DETAIL']);
    expect(reportTypesFor(['EDITOR'])).toEqual([]);
    expect(reportTypesFor(undefined)).toEqual([]);
  });

  it('proposes the last full Monday-to-Sunday week of Asia/Shanghai', () => {
    // Wednesday 25 November in Shanghai
    expect(lastFullWeek(new Date('2026-11-25T03:00:00Z'))).toEqual({ periodStart: '2026-11-16', periodEnd: '2026-11-22' });
    // Sunday 22 November 23:30 UTC is already Monday 23 November in Shanghai
    expect(lastFullWeek(new Date('2026-11-22T23:30:00Z'))).toEqual({ periodStart: '2026-11-16', periodEnd: '2026-11-22' });
    // Sunday 22 November in Shanghai: that week is not over yet
    expect(lastFullWeek(new Date('2026-11-22T10:00:00Z'))).toEqual({ periodStart: '2026-11-09', periodEnd: '2026-11-15' });
    // across a year end
    expect(lastFullWeek(new Date('2027-01-01T04:00:00Z'))).toEqual({ periodStart: '2026-12-21', periodEnd: '2026-12-27' });
  });

  it('says when and to how many the weekly funnel was mailed', () => {
    const at = '2026-11-23T07:00:12Z';
    const when = new Date(at).toLocaleString();
    expect(mailedTo(report())).toBe('');
    expect(mailedTo(report({ mailedAt: at, mailedRecipients: 1 }))).toBe(`${when} to 1 recipient`);
    expect(mailedTo(report({ mailedAt: at, mailedRecipients: 4 }))).toBe(`${when} to 4 recipients`);
    expect(mailedTo(report({ mailedAt: at, mailedRecipients: null }))).toBe(`${when}, delivery not confirmed`);
  });

  it('writes sizes the way people read them', () => {
    expect(formatBytes(null)).toBe('');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(48_213)).toBe('47 KB');
    expect(formatBytes(5_000)).toBe('4.9 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('polls while a report is queued or running, and only then', () => {
    const list = (...statuses: string[]) => ({ state: { data: { data: statuses.map((status) => report({ status: status as never })) } } });
    expect(pollWhileAnyPending(list('COMPLETED', 'RUNNING'))).toBe(2000);
    expect(pollWhileAnyPending(list('QUEUED'))).toBe(2000);
    expect(pollWhileAnyPending(list('COMPLETED', 'FAILED'))).toBe(false);
    expect(pollWhileAnyPending({ state: {} })).toBe(false);
    expect(pollWhilePending({ state: { data: report({ status: 'RUNNING' }) } })).toBe(2000);
    expect(pollWhilePending({ state: { data: report() } })).toBe(false);
  });
});
