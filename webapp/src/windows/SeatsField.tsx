import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { ConsultationWindow } from './windowsApi';

/** Seats taken out of the capacity, as a bar with the numbers beside it. */
export const Seats = ({ window }: { window: Pick<ConsultationWindow, 'seatsTaken' | 'seatsFree' | 'capacity'> }) => (
  <Box sx={{ minWidth: 140 }}>
    <LinearProgress
      variant="determinate"
      value={(100 * window.seatsTaken) / Math.max(1, window.capacity)}
      color={window.seatsFree === 0 ? 'warning' : 'primary'}
      aria-label="Seats taken"
    />
    <Typography variant="caption">
      {window.seatsTaken} taken / {window.seatsFree} free
    </Typography>
  </Box>
);

export const SeatsField = (_props: { label?: string }) => {
  const record = useRecordContext<ConsultationWindow>();
  return record ? <Seats window={record} /> : null;
};
