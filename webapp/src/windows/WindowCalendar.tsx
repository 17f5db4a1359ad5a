import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { Link } from 'react-router-dom';
import type { ConsultationWindow } from './windowsApi';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Monday 00:00 (browser time) of the week holding `date`. */
export function weekStart(date: Date): Date {
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const offset = (start.getDay() + 6) % 7;
  start.setDate(start.getDate() - offset);
  return start;
}

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
const time = (d: Date) => d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * One week of windows, a column per day, in the browser's own time (a plain grid: the list view has
 * each window's own zone). Prev/next move by a week.
 */
export const WindowCalendar = ({ today = new Date() }: { today?: Date }) => {
  const [monday, setMonday] = useState(() => weekStart(today));
  const end = new Date(monday.getTime() + 7 * DAY_MS);
  const { data = [], isPending } = useGetList<ConsultationWindow>('windows', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'startsAt', order: 'ASC' },
    filter: { from: monday.toISOString(), to: end.toISOString() },
  });
  const days = Array.from({ length: 7 }, (_v, i) => new Date(monday.getTime() + i * DAY_MS));
  const byDay = new Map<string, ConsultationWindow[]>();
  for (const w of data) {
    const key = dayKey(new Date(w.startsAt));
    byDay.set(key, [...(byDay.get(key) ?? []), w]);
  }
  return (
    <Box mt={2}>
      <Stack direction="row" spacing={2} alignItems="center" mb={1}>
        <Button onClick={() => setMonday(new Date(monday.getTime() - 7 * DAY_MS))}>Previous week</Button>
        <Typography variant="h6">Week of {monday.toLocaleDateString()}</Typography>
        <Button onClick={() => setMonday(new Date(monday.getTime() + 7 * DAY_MS))}>Next week</Button>
        {isPending && <Typography variant="caption">Loading…</Typography>}
      </Stack>
      <Box display="grid" gridTemplateColumns="repeat(7, 1fr)" gap={1} role="grid" aria-label="Week calendar">
        {days.map((day) => (
          <Box key={dayKey(day)} role="gridcell" sx={{ minHeight: 160, border: 1, borderColor: 'divider', p: 0.5 }}>
            <Typography variant="subtitle2">
              {day.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' })}
            </Typography>
            {(byDay.get(dayKey(day)) ?? []).map((w) => (
              <Card key={w.id} variant="outlined" sx={{ mb: 0.5 }}>
                <CardContent sx={{ p: 0.5, '&:last-child': { pb: 0.5 } }}>
                  <Link to={`/windows/${w.id}/show`}>
                    {time(new Date(w.startsAt))}–{time(new Date(w.endsAt))}
                  </Link>
                  <Typography variant="caption" display="block">{w.specialty}</Typography>
                  <Chip size="small" label={`${w.seatsTaken}/${w.capacity}`} color={w.seatsFree === 0 ? 'warning' : 'default'} />
                  <Typography variant="caption" sx={{ ml: 0.5 }}>{w.status}</Typography>
                </CardContent>
              </Card>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
};
