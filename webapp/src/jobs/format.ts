const DAYS: Record<string, string> = {
  SUN: 'Sunday', MON: 'Monday', TUE: 'Tuesday', WED: 'Wednesday', THU: 'Thursday', FRI: 'Friday', SAT: 'Saturday',
  '0': 'Sunday', '1': 'Monday', '2': 'Tuesday', '3': 'Wednesday', '4': 'Thursday', '5': 'Friday', '6': 'Saturday', '7': 'Sunday',
};

const MACROS: Record<string, string> = {
  '@hourly': 'Every hour',
  '@daily': 'Every day at 00:00',
  '@midnight': 'Every day at 00:00',
  '@weekly': 'Every Sunday at 00:00',
  '@monthly': 'On day 1 of every month at 00:00',
  '@yearly': 'Every 1 January at 00:00',
  '@annually': 'Every 1 January at 00:00',
};

const NUMBER = /^\d+$/;
const pad = (n: string) => n.padStart(2, '0');
const anyValue = (field: string) => field === '*' || field === '?';

function days(field: string): string | undefined {
  const range = field.match(/^(\w+)-(\w+)$/);
  if (range) {
    const [from, to] = [DAYS[range[1].toUpperCase()], DAYS[range[2].toUpperCase()]];
    return from && to ? `${from} to ${to}` : undefined;
  }
  const names = field.split(',').map((d) => DAYS[d.toUpperCase()]);
  if (names.some((n) => !n)) return undefined;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Spring's six-field cron (second minute hour day-of-month month day-of-week) in words for the
 * common shapes; undefined for anything else, so the caller shows the expression itself.
 */
export function describeCron(cron: string): string | undefined {
  const trimmed = cron.trim();
  if (MACROS[trimmed]) return MACROS[trimmed];
  const fields = trimmed.split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [second, minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  if (!NUMBER.test(second) || !NUMBER.test(minute) || month !== '*') return undefined;
  if (hour === '*' && anyValue(dayOfMonth) && anyValue(dayOfWeek)) {
    return `Every hour at minute ${Number(minute)}`;
  }
  if (!NUMBER.test(hour)) return undefined;
  const time = `${pad(hour)}:${pad(minute)}${second === '0' ? '' : `:${pad(second)}`}`;
  if (anyValue(dayOfMonth) && anyValue(dayOfWeek)) return `Every day at ${time}`;
  if (anyValue(dayOfMonth)) {
    const when = days(dayOfWeek);
    return when ? `Every ${when} at ${time}` : undefined;
  }
  if (NUMBER.test(dayOfMonth) && anyValue(dayOfWeek)) return `On day ${Number(dayOfMonth)} of every month at ${time}`;
  return undefined;
}

/** 850 ms, 12.3 s, 4 min 05 s, 1 h 02 min. */
export function formatDuration(millis: number | null | undefined): string {
  if (millis == null) return '';
  if (millis < 1000) return `${millis} ms`;
  if (millis < 60_000) return `${(millis / 1000).toFixed(1)} s`;
  const totalSeconds = Math.floor(millis / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours === 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${hours} h ${String(minutes).padStart(2, '0')} min`;
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '';
}
