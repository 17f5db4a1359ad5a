import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import {
  DateField,
  FunctionField,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { problemDetail } from '../http';
import { InvitationStatusChips } from './InvitationStatusChips';
import type { Invitation } from './invitationsApi';
import { markSent, resend } from './invitationsApi';

type Resolution = 'resend' | 'mark-sent';

/** Asks before resolving: either choice may mean the person gets two emails or none. */
const ConfirmDialog = ({ resolution, onConfirm, onClose }: {
  resolution: Resolution;
  onConfirm: (note: string) => void;
  onClose: () => void;
}) => {
  const [note, setNote] = useState('');
  const resending = resolution === 'resend';
  return (
    <Dialog open onClose={onClose} aria-labelledby="resolution-title">
      <DialogTitle id="resolution-title">{resending ? 'Send the invitation again?' : 'Mark the invitation as sent?'}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {resending
            ? 'SendGrid may already have the first email: if so, the person gets it twice. Resend only when you are sure it did not arrive.'
            : 'The invitation counts as sent and the reply deadline starts from the first attempt. Do this only when you know the email arrived.'}
        </DialogContentText>
        {!resending && (
          <MuiTextField label="Why (kept in the audit log)" value={note} onChange={(e) => setNote(e.target.value)}
            fullWidth margin="dense" />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button onClick={() => onConfirm(note.trim())} variant="contained">
          {resending ? 'Resend' : 'Mark sent'}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const ResolutionActions = () => {
  const invitation = useRecordContext<Invitation>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState<Resolution | null>(null);
  if (!invitation) return null;

  const resolve = async (resolution: Resolution, note: string) => {
    setAsking(null);
    try {
      const { json } = resolution === 'resend' ? await resend(invitation.id) : await markSent(invitation.id, note);
      notify(`Invitation ${json.status.toLowerCase()}`, { type: 'success' });
    } catch (e) {
      notify(problemDetail(e), { type: 'error' });
    }
    refresh();
  };

  return (
    <TopToolbar>
      {invitation.resendable && <Button onClick={() => setAsking('resend')}>Resend</Button>}
      {invitation.status === 'UNCONFIRMED' && <Button onClick={() => setAsking('mark-sent')}>Mark sent</Button>}
      {asking && <ConfirmDialog resolution={asking} onClose={() => setAsking(null)} onConfirm={(note) => resolve(asking, note)} />}
    </TopToolbar>
  );
};

const UnconfirmedExplanation = () => {
  const invitation = useRecordContext<Invitation>();
  if (invitation?.status !== 'UNCONFIRMED') return null;
  return (
    <Alert severity="warning">
      SendGrid may or may not have this email ({invitation.failureReason}). It is never sent again automatically: a
      delivery event resolves it, or you decide here.
    </Alert>
  );
};

export const InvitationShow = () => (
  <Show actions={<ResolutionActions />}>
    <SimpleShowLayout>
      <UnconfirmedExplanation />
      <NumberField source="id" />
      <FunctionField label="Status" render={(invitation: Invitation) => <InvitationStatusChips invitation={invitation} />} />
      <TextField source="fullName" label="Person" emptyText="(erased)" />
      <TextField source="email" emptyText="(erased)" />
      <TextField source="specialty" />
      <DateField source="windowStartsAt" label="Window starts" showTime />
      <TextField source="allocationStatus" label="Seat" />
      <DateField source="replyDeadline" label="Reply deadline" showTime emptyText="-" />
      <NumberField source="attempts" />
      <DateField source="sentAt" label="Sent" showTime emptyText="-" />
      <TextField source="sendgridMessageId" label="SendGrid message id" emptyText="-" />
      <TextField source="failureReason" label="Reason" emptyText="-" />
      <DateField source="deliveredAt" label="Delivered" showTime emptyText="-" />
      <DateField source="openedAt" label="Opened" showTime emptyText="-" />
      <DateField source="bouncedAt" label="Bounced" showTime emptyText="-" />
      <DateField source="spamReportedAt" label="Reported as spam" showTime emptyText="-" />
      <DateField source="unsubscribedAt" label="Unsubscribed" showTime emptyText="-" />
      <DateField source="respondedAt" label="Answered" showTime emptyText="-" />
    </SimpleShowLayout>
  </Show>
);
