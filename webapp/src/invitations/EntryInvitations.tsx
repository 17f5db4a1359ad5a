import { Typography } from '@mui/material';
import { Datagrid, DateField, FunctionField, Pagination, ReferenceManyField, TextField } from 'react-admin';
import { Link } from 'react-router-dom';
import { InvitationStatusChips } from './InvitationStatusChips';
import type { Invitation } from './invitationsApi';

/**
 * One person's invitation emails, newest first, for the waitlist entry on screen: the ledger
 * filtered by `entryId`, each row linking to the invitation.
 */
export const EntryInvitations = () => (
  <ReferenceManyField
    reference="invitations"
    target="entryId"
    sort={{ field: 'id', order: 'DESC' }}
    perPage={10}
    pagination={<Pagination rowsPerPageOptions={[10]} />}
    empty={<Typography variant="body2">No invitation sent to this person.</Typography>}
  >
    <Datagrid bulkActionButtons={false} rowClick={false} aria-label="Invitations">
      <FunctionField
        label="Invitation"
        render={(invitation: Invitation) => <Link to={`/invitations/${invitation.id}/show`}>#{invitation.id}</Link>}
      />
      <DateField source="windowStartsAt" label="Window" showTime sortable={false} />
      <TextField source="specialty" sortable={false} />
      <FunctionField
        label="Status / last delivery event / answer"
        render={(invitation: Invitation) => <InvitationStatusChips invitation={invitation} />}
      />
      <DateField source="sentAt" label="Sent" showTime sortable={false} />
      <TextField source="sendgridMessageId" label="Message id" sortable={false} emptyText="—" />
      <TextField source="failureReason" label="Reason" sortable={false} emptyText="" />
    </Datagrid>
  </ReferenceManyField>
);
