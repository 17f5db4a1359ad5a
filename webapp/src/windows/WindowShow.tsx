import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { Seats } from './SeatsField';
import { allocate, changeStatus, localTime, release } from './windowsApi';
import type { Allocation, ConsultationWindow } from './windowsApi';
import { useAdminAction } from '../useAdminAction';

/** A dialog asking for a reason (and optionally a waitlist entry id) before an override. */
const ReasonDialog = ({ title, withEntry, onConfirm, onClose }: {
  title: string;
  withEntry?: boolean;
  onConfirm: (reason: string, entryId?: number) => Promise<void>;
  onClose: () => void;
}) => {
  const [reason, setReason] = useState('');
  const [entryId, setEntryId] = useState('');
  return (
    <Dialog open onClose={onClose} aria-labelledby="reason-dialog-title">
      <DialogTitle id="reason-dialog-title">{title}</DialogTitle>
      <DialogContent>
        {withEntry && (
          <MuiTextField label="Waitlist entry id" value={entryId} onChange={(e) => setEntryId(e.target.value)}
            fullWidth margin="dense" type="number" />
        )}
        <MuiTextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} fullWidth margin="dense"
          multiline required helperText="Kept in the audit log" />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button disabled={!reason.trim() || (withEntry && !entryId)}
          onClick={() => onConfirm(reason.trim(), withEntry ? Number(entryId) : undefined)}>
          Confirm
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const WindowActions = () => {
  const window = useRecordContext<ConsultationWindow>();
  const run = useAdminAction();
  const [allocating, setAllocating] = useState(false);
  if (!window) return null;
  return (
    <TopToolbar>
      {window.status !== 'OPEN' && (
        <Button onClick={() => run(() => changeStatus(window.id, 'open'), 'Window opened')}>Open</Button>
      )}
      {window.status !== 'CLOSED' && (
        <Button onClick={() => run(() => changeStatus(window.id, 'close'), 'Window closed')}>Close</Button>
      )}
      <Button onClick={() => setAllocating(true)} disabled={window.status === 'CLOSED' || window.seatsFree === 0}>
        Allocate by hand
      </Button>
      {allocating && (
        <ReasonDialog title="Give a seat by hand" withEntry onClose={() => setAllocating(false)}
          onConfirm={async (reason, entryId) => {
            setAllocating(false);
            await run(() => allocate(window.id, entryId as number, reason), 'Seat allocated');
          }} />
      )}
    </TopToolbar>
  );
};

const Allocations = () => {
  const window = useRecordContext<ConsultationWindow>();
  const run = useAdminAction();
  const [releasing, setReleasing] = useState<Allocation | null>(null);
  if (!window) return null;
  return (
    <Box mt={2}>
      <Seats window={window} />
      <Typography variant="h6" mt={2}>Seats</Typography>
      <Table size="small" aria-label="Allocations">
        <TableHead>
          <TableRow>
            <TableCell>Person</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>By</TableCell>
            <TableCell>Hold until</TableCell>
            <TableCell>Reason</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {(window.allocations ?? []).map((a) => (
            <TableRow key={a.id}>
              <TableCell>{a.fullName ?? `entry ${a.entryId}`} ({a.preferredLanguage}, {a.personTimeZone})</TableCell>
              <TableCell>{a.status}</TableCell>
              <TableCell>{a.allocatedBy}</TableCell>
              <TableCell>{localTime(a.holdExpiresAt)}</TableCell>
              <TableCell>{[a.reason, a.releaseReason].filter(Boolean).join(' / ')}</TableCell>
              <TableCell>
                {(a.status === 'HELD' || a.status === 'CONFIRMED') && (
                  <Button size="small" onClick={() => setReleasing(a)}>Release</Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {releasing && (
        <ReasonDialog title={`Release the seat of ${releasing.fullName ?? `entry ${releasing.entryId}`}`}
          onClose={() => setReleasing(null)}
          onConfirm={async (reason) => {
            const id = releasing.id;
            setReleasing(null);
            await run(() => release(id, reason), 'Seat released');
          }} />
      )}
    </Box>
  );
};

const When = () => {
  const window = useRecordContext<ConsultationWindow>();
  return window ? (
    <Stack>
      <Typography>{localTime(window.startsAt)} – {localTime(window.endsAt).slice(11)} ({window.timeZone})</Typography>
      <Typography variant="caption">
        Languages: {window.languages.join(', ')}{window.interpreterAvailable ? ' + interpreter' : ''}
      </Typography>
    </Stack>
  ) : null;
};

export const WindowShow = () => (
  <Show resource="windows" actions={<WindowActions />} title="Consultation window">
    <SimpleShowLayout>
      <When />
      <TextField source="specialty" />
      <TextField source="status" />
      <TextField source="coordinator" emptyText="-" />
      <TextField source="hospitalId" label="Hospital id" emptyText="-" />
      <TextField source="seriesId" label="Series" emptyText="-" />
      <Allocations />
    </SimpleShowLayout>
  </Show>
);
