/** A calendar day of the API (`2026-11-16`) as the reader writes dates, without a time zone shifting it. */
export function formatDay(isoDay: string | null | undefined, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  if (!isoDay) return '';
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return date.toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });
}
