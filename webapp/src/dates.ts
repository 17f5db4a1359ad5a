/** A calendar day of the API (`2026-11-16`) as the reader writes dates, without a time zone shifting it. */
export function formatDay(isoDay: string | null | undefined, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  if (!isoDay) return '';
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return date.toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });
}

/** The zone of the business calendar: report weeks and due dates are days in Shanghai. */
export const BUSINESS_ZONE = 'Asia/Shanghai';

/** The day it is in Shanghai at `now`, as the API writes days (`2026-11-25`). */
export function businessToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
