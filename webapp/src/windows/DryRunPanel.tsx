import {
  Alert,
  Box,
  Button,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { REASONS, fetchOutcomes, fetchRun, launchDryRun, localTime, waitForExecution } from './windowsApi';
import type { Outcome, Run } from './windowsApi';

type State =
  | { phase: 'idle' }
  | { phase: 'running'; executionId?: number }
  | { phase: 'done'; run: Run; outcomes: Outcome[] }
  | { phase: 'failed'; message: string };

/**
 * Launches windowAllocationJob with dryRun=true through the jobs API, waits for it to end, then shows
 * who would get which window and who would not, with the reason. Nothing is changed by a dry run.
 */
export const DryRunPanel = () => {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const start = async () => {
    setState({ phase: 'running' });
    try {
      const executionId = await launchDryRun();
      setState({ phase: 'running', executionId });
      const execution = await waitForExecution(executionId);
      if (execution.status !== 'COMPLETED') {
        setState({ phase: 'failed', message: `The dry run ended ${execution.status}: ${execution.exitDescription ?? ''}` });
        return;
      }
      const [run, outcomes] = await Promise.all([fetchRun(executionId), fetchOutcomes(executionId)]);
      setState({ phase: 'done', run, outcomes });
    } catch (e) {
      setState({ phase: 'failed', message: (e as Error).message });
    }
  };
  return (
    <Box mt={2}>
      <Stack direction="row" spacing={2} alignItems="center">
        <Button variant="contained" onClick={start} disabled={state.phase === 'running'}>
          Start dry run
        </Button>
        <Typography variant="body2">
          Computes the allocation as the nightly run would, without giving out any seat.
        </Typography>
      </Stack>
      {state.phase === 'running' && (
        <Box mt={2}>
          <LinearProgress aria-label="Dry run in progress" />
          <Typography variant="caption">
            Dry run {state.executionId ? `#${state.executionId} ` : ''}running…
          </Typography>
        </Box>
      )}
      {state.phase === 'failed' && <Alert severity="error" sx={{ mt: 2 }}>{state.message}</Alert>}
      {state.phase === 'done' && <DryRunResult run={state.run} outcomes={state.outcomes} />}
    </Box>
  );
};

const DryRunResult = ({ run, outcomes }: { run: Run; outcomes: Outcome[] }) => (
  <Box mt={2}>
    <Alert severity="info">
      Dry run #{run.jobExecutionId} finished: would allocate {run.allocated}, would leave {run.unallocated} without a seat.
    </Alert>
    <Stack direction="row" spacing={1} mt={1} useFlexGap flexWrap="wrap">
      {(run.reasons ?? []).map((r) => (
        <Chip key={r.reason} label={`${REASONS[r.reason] ?? r.reason}: ${r.entries}`} />
      ))}
    </Stack>
    <Table size="small" aria-label="Dry run result" sx={{ mt: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell>#</TableCell>
          <TableCell>Person</TableCell>
          <TableCell>Language / time zone</TableCell>
          <TableCell>Would go to</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {outcomes.map((o) => (
          <TableRow key={o.queuePosition}>
            <TableCell>{o.queuePosition}</TableCell>
            <TableCell>{o.fullName ?? `entry ${o.entryId}`}</TableCell>
            <TableCell>{o.preferredLanguage} / {o.personTimeZone}</TableCell>
            <TableCell>
              {o.windowId
                ? `Window ${o.windowId}: ${o.windowSpecialty}, ${localTime(o.windowStartsAt)} window time, ${localTime(o.windowStartsAtForPerson)} their time`
                : `No seat: ${REASONS[o.reason ?? ''] ?? o.reason}`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    {run.allocated + run.unallocated > outcomes.length && (
      <Typography variant="caption">
        The first {outcomes.length} of {run.allocated + run.unallocated} people in queue order.
      </Typography>
    )}
  </Box>
);
