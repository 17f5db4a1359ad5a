import { Chip } from '@mui/material';
import type { ChipProps } from '@mui/material';
import { statusLabel } from './hospitalChoices';

const COLORS: Record<string, ChipProps['color']> = {
  UNVERIFIED: 'default',
  IN_VERIFICATION: 'info',
  VERIFIED: 'success',
  EXPIRED: 'warning',
  SUSPENDED: 'error',
};

export const StatusChip = ({ status }: { status?: string }) =>
  status ? <Chip size="small" label={statusLabel(status)} color={COLORS[status] ?? 'default'} /> : null;
