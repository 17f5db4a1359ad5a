import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { HttpError, useDelete, useNotify, useRefresh } from 'react-admin';
import type { Suppression } from './reasons';
import { problemDetail } from '../http';

/** The server's word on the note itself, when that is what it refused. */
function noteProblem(error: unknown): string | undefined {
  const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, unknown> } | undefined)?.errors : undefined;
  return typeof errors?.note === 'string' ? errors.note : undefined;
}

/**
 * Taking an address off the list means it may be emailed again, so the server insists on a note
 * saying why; it is sent as the `note` parameter of the DELETE and kept in the audit log.
 */
export const RemoveSuppressionDialog = ({ suppression, onClose }: { suppression: Suppression; onClose: () => void }) => {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [remove, { isPending }] = useDelete();
  const notify = useNotify();
  const refresh = useRefresh();
  const noteGiven = note.trim().length > 0;

  const confirm = () => {
    setError(null);
    remove(
      'suppressions',
      { id: suppression.email, previousData: suppression, meta: { query: { note: note.trim() } } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(`${suppression.email} may be emailed again`, { type: 'info' });
          refresh();
          onClose();
        },
        onError: (e) => setError(noteProblem(e) ?? problemDetail(e)),
      },
    );
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="remove-suppression-title" fullWidth maxWidth="sm">
      <DialogTitle id="remove-suppression-title">Remove {suppression.email} from the suppression list?</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>
          The address may then be emailed again. Say why, for the audit log.
        </DialogContentText>
        <TextField
          autoFocus
          required
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          label="Why may this address be emailed again?"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          helperText={noteGiven ? ' ' : 'A note is required.'}
        />
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" color="error" onClick={confirm} disabled={!noteGiven || isPending}>
          Remove from list
        </Button>
      </DialogActions>
    </Dialog>
  );
};
