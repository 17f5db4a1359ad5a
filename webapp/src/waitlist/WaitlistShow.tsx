import {
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
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
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Confirm, Show, TopToolbar, useNotify, useRecordContext } from 'react-admin';
import { Chips } from './WaitlistList';
import { eraseEntry, exportEntry, resolvePossibleDuplicate, undoMerge } from './waitlistApi';
import type { Decision } from './waitlistApi';
import { LabelledValue } from '../DetailItem';
import { useAdminAction } from '../useAdminAction';
import { EntryInvitations } from '../invitations/EntryInvitations';
import { EntryAllocations } from '../windows/EntryAllocations';

export interface Signup {
  id: number;
  receivedAt: string;
  email?: string;
  fullName?: string;
  country?: string;
  preferredLanguage?: string;
  timeZone?: string;
  specialty?: string;
  sourcePage?: string;
  message?: string;
  state: string;
  duplicateOf?: number;
}

export interface Merge {
  id: number;
  entryId: number;
  signupId: number;
  jobExecutionId?: number;
  decidedBy?: string;
  mergedAt: string;
  undoneAt?: string;
  undoneBy?: string;
  undoneToEntryId?: number;
}

export interface PossibleDuplicate {
  id: number;
  entryId: number;
  otherEntryId: number;
  otherEmail?: string;
  otherFullName?: string;
  email?: string;
  fullName?: string;
  reason: string;
  status: string;
  decidedBy?: string;
}

export interface EntryDetail {
  id: number;
  email?: string;
  fullName?: string;
  country?: string;
  preferredLanguage?: string;
  timeZone?: string;
  specialties: string[];
  sourcePages: string[];
  status: string;
  queuedAt: string;
  signupCount: number;
  keptApart: boolean;
  signups: Signup[];
  merges: Merge[];
  possibleDuplicates: PossibleDuplicate[];
}

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '');

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box mt={3}>
    <Typography variant="h6" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

const SignupsTable = ({ signups }: { signups: Signup[] }) => (
  <Table size="small" aria-label="Sign-ups">
    <TableHead>
      <TableRow>
        <TableCell>Received</TableCell>
        <TableCell>Email</TableCell>
        <TableCell>Name</TableCell>
        <TableCell>Language / time zone</TableCell>
        <TableCell>Specialty</TableCell>
        <TableCell>Source page</TableCell>
        <TableCell>State</TableCell>
        <TableCell>Message</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {signups.map((s) => (
        <TableRow key={s.id}>
          <TableCell>{when(s.receivedAt)}</TableCell>
          <TableCell>{s.email}</TableCell>
          <TableCell>{s.fullName}</TableCell>
          <TableCell>
            {s.preferredLanguage} {s.timeZone}
          </TableCell>
          <TableCell>{s.specialty}</TableCell>
          <TableCell>{s.sourcePage}</TableCell>
          <TableCell>{s.state}</TableCell>
          <TableCell>{s.message}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const MergesTable = ({ entry }: { entry: EntryDetail }) => {
  const { merges, signups } = entry;
  const act = useAdminAction();
  const [undoing, setUndoing] = useState<Merge | null>(null);
  const emailOf = (signupId: number) => signups.find((s) => s.id === signupId)?.email ?? `sign-up ${signupId}`;
  // the server refuses these too: undoing an erased person's merge would bring back an active entry
  // without contact details, and a sign-up a later merge moved on is no longer this entry's to give back
  const undoable = (m: Merge) =>
    !m.undoneAt && entry.status !== 'ERASED' && signups.some((s) => s.id === m.signupId);
  if (merges.length === 0) return <Typography variant="body2">No merges.</Typography>;
  return (
    <>
      <Table size="small" aria-label="Merges">
        <TableHead>
          <TableRow>
            <TableCell>Merged</TableCell>
            <TableCell>Sign-up</TableCell>
            <TableCell>By</TableCell>
            <TableCell>Undone</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {merges.map((m) => (
            <TableRow key={m.id}>
              <TableCell>{when(m.mergedAt)}</TableCell>
              <TableCell>{emailOf(m.signupId)}</TableCell>
              <TableCell>{m.decidedBy ?? `dedupe run ${m.jobExecutionId}`}</TableCell>
              <TableCell>{m.undoneAt ? `${when(m.undoneAt)} by ${m.undoneBy}` : ''}</TableCell>
              <TableCell>
                {undoable(m) && (
                  <Button size="small" onClick={() => setUndoing(m)}>
                    Undo
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Confirm
        isOpen={undoing !== null}
        title="Undo this merge?"
        content="The sign-up becomes a person of its own again, and the de-duplication job will not merge it back."
        confirm="Undo merge"
        onConfirm={async () => {
          const merge = undoing;
          setUndoing(null);
          if (merge) await act(() => undoMerge(merge.id), 'Merge undone: the sign-up is its own entry now');
        }}
        onClose={() => setUndoing(null)}
      />
    </>
  );
};

export const DecisionButtons = ({ pair }: { pair: { id: number; status: string } }) => {
  const act = useAdminAction();
  if (pair.status !== 'OPEN') return null;
  const decide = (decision: Decision) =>
    act(() => resolvePossibleDuplicate(pair.id, decision), decision === 'SAME' ? 'Merged as the same person' : 'Marked as different people');
  return (
    <Stack direction="row" spacing={1}>
      <Button size="small" onClick={() => decide('SAME')}>
        Same person
      </Button>
      <Button size="small" onClick={() => decide('DISTINCT')}>
        Different people
      </Button>
    </Stack>
  );
};

const PossibleDuplicatesTable = ({ pairs }: { pairs: PossibleDuplicate[] }) => {
  if (pairs.length === 0) return <Typography variant="body2">No possible duplicates.</Typography>;
  return (
    <Table size="small" aria-label="Possible duplicates">
      <TableHead>
        <TableRow>
          <TableCell>Other entry</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Status</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {pairs.map((p) => (
          <TableRow key={p.id}>
            <TableCell>
              <a href={`/waitlist/${p.otherEntryId}/show`}>
                {p.otherFullName} {p.otherEmail ? `<${p.otherEmail}>` : ''}
              </a>
            </TableCell>
            <TableCell>{p.reason}</TableCell>
            <TableCell>{p.status}</TableCell>
            <TableCell>
              <DecisionButtons pair={p} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Erasure needs the word ERASE typed, because it cannot be undone. */
const EraseButton = ({ entry }: { entry: EntryDetail }) => {
  const act = useAdminAction();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  if (entry.status === 'ERASED') return null;
  const close = () => {
    setOpen(false);
    setTyped('');
  };
  return (
    <>
      <Button size="small" color="error" onClick={() => setOpen(true)}>
        Erase personal data
      </Button>
      <Dialog open={open} onClose={close}>
        <DialogTitle>Erase this person?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Their name, email, messages and contact details are removed for good from every sign-up, and from
            their seats, invitations and emails; a seat they hold is released. Only country, specialty, source
            page and dates stay for the counts. Type ERASE to confirm.
          </DialogContentText>
          <MuiTextField
            autoFocus
            fullWidth
            margin="dense"
            label="Type ERASE"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button
            color="error"
            disabled={typed !== 'ERASE'}
            onClick={async () => {
              close();
              await act(() => eraseEntry(entry.id), 'Personal data erased');
            }}
          >
            Erase
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

const ExportButton = ({ entry }: { entry: EntryDetail }) => {
  const notify = useNotify();
  return (
    <Button
      size="small"
      onClick={() => exportEntry(entry.id).catch((e: Error) => notify(e.message, { type: 'error' }))}
    >
      Export JSON
    </Button>
  );
};

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box minWidth={160}>
    <LabelledValue label={label}>{children}</LabelledValue>
  </Box>
);

const EntryContent = () => {
  const record = useRecordContext<EntryDetail>();
  if (!record) return null;
  // until the detail has loaded, react-admin shows the list row (which has no sign-ups and merges)
  const entry: EntryDetail = {
    ...record,
    signups: record.signups ?? [],
    merges: record.merges ?? [],
    possibleDuplicates: record.possibleDuplicates ?? [],
  };
  return (
    <Card>
      <CardContent>
        <Stack direction="row" justifyContent="space-between" alignItems="center">
          <Typography variant="h5">{entry.fullName ?? `Entry ${entry.id}`}</Typography>
          <Stack direction="row" spacing={1}>
            <ExportButton entry={entry} />
            <EraseButton entry={entry} />
          </Stack>
        </Stack>
        <Stack direction="row" spacing={3} useFlexGap flexWrap="wrap" mt={2}>
          <Field label="Email">{entry.email}</Field>
          <Field label="Status">{entry.status}{entry.keptApart ? ' (kept apart)' : ''}</Field>
          <Field label="Queued at">{when(entry.queuedAt)}</Field>
          <Field label="Country">{entry.country}</Field>
          <Field label="Language">{entry.preferredLanguage}</Field>
          <Field label="Time zone">{entry.timeZone}</Field>
          <Field label="Specialties">
            <Chips values={entry.specialties} />
          </Field>
          <Field label="Source pages">
            <Chips values={entry.sourcePages} />
          </Field>
        </Stack>
        <Section title={`Sign-ups (${entry.signups.length})`}>
          <SignupsTable signups={entry.signups} />
        </Section>
        <Section title="Merges">
          <MergesTable entry={entry} />
        </Section>
        <Section title="Possible duplicates">
          <PossibleDuplicatesTable pairs={entry.possibleDuplicates} />
        </Section>
        <Section title="Seats">
          <EntryAllocations />
        </Section>
        <Section title="Invitations and emails">
          <EntryInvitations />
        </Section>
      </CardContent>
    </Card>
  );
};

export const WaitlistShow = () => (
  <Show title="Waitlist person" actions={<TopToolbar />} component="div">
    <EntryContent />
  </Show>
);
