import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { http } from '../http';

interface Action {
  label: string;
  target: 'IN_VERIFICATION' | 'SUSPENDED';
  question: string;
  needsReason: boolean;
}

/** The hand-made status changes per status; VERIFIED comes from recording a verification. */
export function actionsFor(status: string | undefined): Action[] {
  const start: Action = {
    label: status === 'SUSPENDED' ? 'Resume verification' : 'Start verification',
    target: 'IN_VERIFICATION',
    question: 'The profile moves to "In verification". It is not public until a verification is recorded.',
    needsReason: false,
  };
  const suspend: Action = {
    label: 'Suspend',
    target: 'SUSPENDED',
    question: 'A suspended profile disappears from the public site at once.',
    needsReason: true,
  };
  switch (status) {
    case 'UNVERIFIED':
    case 'EXPIRED':
      return [start, suspend];
    case 'IN_VERIFICATION':
    case 'VERIFIED':
      return [suspend];
    case 'SUSPENDED':
      return [start];
    default:
      return [];
  }
}

export const StatusActions = () => {
  const record = useRecordContext();
  const refresh = useRefresh();
  const notify = useNotify();
  const [pending, setPending] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  if (!record) return null;

  const close = () => {
    setPending(null);
    setReason('');
    setError(undefined);
  };
  const confirm = async () => {
    if (!pending) return;
    if (pending.needsReason && !reason.trim()) {
      setError('Say why');
      return;
    }
    setSaving(true);
    try {
      await http(`/api/hospitals/${record.id}/status`, {
        method: 'POST',
        body: { status: pending.target, reason: reason.trim() || undefined, version: record.version },
      });
      notify(`Status changed to ${pending.target === 'SUSPENDED' ? 'Suspended' : 'In verification'}`, { type: 'info' });
      close();
      refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {actionsFor(record.status as string).map((a) => (
        <Button key={a.label} size="small" onClick={() => setPending(a)} color={a.target === 'SUSPENDED' ? 'error' : 'primary'}>
          {a.label}
        </Button>
      ))}
      <Dialog open={pending !== null} onClose={close} aria-labelledby="status-dialog-title">
        <DialogTitle id="status-dialog-title">{pending?.label}?</DialogTitle>
        <DialogContent>
          <DialogContentText>{pending?.question}</DialogContentText>
          <TextField
            label={pending?.needsReason ? 'Reason' : 'Reason (optional)'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={!!error}
            helperText={error}
            fullWidth
            margin="dense"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button onClick={confirm} disabled={saving} variant="contained">
            Confirm
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
