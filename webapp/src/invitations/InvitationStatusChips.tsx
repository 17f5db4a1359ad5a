import { Chip, Stack } from '@mui/material';
import type { Invitation } from './invitationsApi';
import { statusColor } from './invitationsApi';

/** The ledger status, the latest delivery event and the person's answer, side by side. */
export const InvitationStatusChips = ({ invitation }: { invitation: Invitation }) => (
  <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
    <Chip size="small" label={invitation.status} color={statusColor(invitation.status)} />
    {invitation.delivery && <Chip size="small" variant="outlined" label={invitation.delivery} />}
    {invitation.response && <Chip size="small" variant="outlined" color="primary" label={invitation.response} />}
  </Stack>
);
