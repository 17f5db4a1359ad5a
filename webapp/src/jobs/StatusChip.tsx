import { Chip, Tooltip } from '@mui/material';
import type { ChipProps } from '@mui/material';
import { formatTime } from './format';

const COLORS: Record<string, ChipProps['color']> = {
  COMPLETED: 'success',
  FAILED: 'error',
  STOPPED: 'warning',
  STOPPING: 'warning',
  STARTING: 'info',
  STARTED: 'info',
  QUEUED: 'info',
  RUNNING: 'info',
};

export const StatusChip = ({ status }: { status: string | null | undefined }) =>
  status ? <Chip label={status} size="small" color={COLORS[status] ?? 'default'} /> : null;

/** Marks an execution that a dead process left running and a restarted instance closed. */
export const RecoveredChip = ({ recoveredAt }: { recoveredAt: string | null | undefined }) =>
  recoveredAt ? (
    <Tooltip title={`Recovered ${formatTime(recoveredAt)}: its process died while it ran; restart it to finish the work.`}>
      <Chip label="Recovered after a crash" size="small" variant="outlined" color="warning" />
    </Tooltip>
  ) : null;
