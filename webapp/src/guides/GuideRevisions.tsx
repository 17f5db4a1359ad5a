import { useCallback, useEffect, useState } from 'react';
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { HttpError } from 'react-admin';
import { guideApi } from './guideApi';
import type { RevisionDiff, RevisionSummary } from './guideApi';
import type { Guide } from './types';

/** A diff value as readable text: strings as they are, sections and objects as indented JSON. */
function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

export const DiffTable = ({ diff }: { diff: RevisionDiff }) =>
  diff.changes.length === 0 ? (
    <Typography>No differences.</Typography>
  ) : (
    <Table size="small" aria-label="Differences">
      <TableHead>
        <TableRow>
          <TableCell>Field</TableCell>
          <TableCell>Change</TableCell>
          <TableCell>Revision {diff.from}</TableCell>
          <TableCell>Revision {diff.to}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {diff.changes.map((c) => (
          <TableRow key={c.path}>
            <TableCell>{c.path}</TableCell>
            <TableCell>
              <Chip size="small" label={c.change} color={c.change === 'ADDED' ? 'success' : c.change === 'REMOVED' ? 'error' : 'warning'} />
            </TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{show(c.before)}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{show(c.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

/**
 * The revision history of the guide in context: who saved what when, the difference of any
 * revision to the current one, and restoring one (as a new revision) after a confirmation.
 */
export const GuideRevisions = ({ canRestore = false, onConflict }: { canRestore?: boolean; onConflict?: () => void }) => {
  const guide = useRecordContext<Guide>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);

  const load = useCallback(() => {
    if (!guide) return;
    guideApi.revisions(guide.id).then(setRevisions, () => notify('Could not load the revisions', { type: 'error' }));
  }, [guide, notify]);
  // reload when the guide changes (a save or a restore makes a new revision)
  useEffect(load, [load, guide?.currentRevision]);

  if (!guide) return null;

  const compare = (revision: number) =>
    guideApi.diff(guide.id, revision, guide.currentRevision).then(setDiff, (e: HttpError) => notify(e.message, { type: 'error' }));

  const restore = async (revision: number) => {
    setRestoring(null);
    try {
      await guideApi.restore(guide, revision);
      notify(`Restored revision ${revision} as a new revision`, { type: 'success' });
      refresh();
    } catch (e) {
      if ((e as HttpError)?.status === 409) onConflict?.();
      else notify((e as HttpError)?.message ?? 'Restore failed', { type: 'error' });
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label="Revision history">
      <Typography variant="h6" component="h2">
        Revision history
      </Typography>
      <List dense>
        {revisions.map((r) => (
          <ListItem key={r.revision} disableGutters divider>
            <ListItemText
              primary={
                <>
                  Revision {r.revision}
                  {r.revision === guide.currentRevision && ' (current)'}
                  {r.revision === guide.publishedRevision && ' · published'}
                </>
              }
              secondary={`${r.savedBy}, ${new Date(r.savedAt).toLocaleString()}${r.note ? ` · ${r.note}` : ''}`}
            />
            {r.revision !== guide.currentRevision && (
              <Stack direction="row" spacing={1}>
                <Button size="small" onClick={() => compare(r.revision)}>
                  Compare
                </Button>
                {canRestore && (
                  <Button size="small" onClick={() => setRestoring(r.revision)}>
                    Restore
                  </Button>
                )}
              </Stack>
            )}
          </ListItem>
        ))}
      </List>
      <Dialog open={diff !== null} onClose={() => setDiff(null)} maxWidth="lg" fullWidth>
        <DialogTitle>
          Revision {diff?.from} compared with revision {diff?.to}
        </DialogTitle>
        <DialogContent>
          <Box>{diff && <DiffTable diff={diff} />}</Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDiff(null)}>Close</Button>
        </DialogActions>
      </Dialog>
      <Confirm
        isOpen={restoring !== null}
        title={`Restore revision ${restoring}?`}
        content="Its content becomes a new revision of the working copy; unsaved changes in the form are lost. The public page changes only when you publish."
        confirm="Restore"
        onConfirm={() => restoring !== null && restore(restoring)}
        onClose={() => setRestoring(null)}
      />
    </Paper>
  );
};
