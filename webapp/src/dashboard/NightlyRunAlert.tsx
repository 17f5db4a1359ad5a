import { Alert, AlertTitle, Button, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { formatTime } from '../jobs/format';
import { needsAttention } from './dashboardApi';
import type { NightlyRun } from './dashboardApi';

const MESSAGE_LIMIT = 300;

/** The exit message is often a stack trace: its first line says what went wrong, the console has the rest. */
function summary(message: string): string {
  const first = message.trim().split('\n')[0];
  return first.length > MESSAGE_LIMIT ? `${first.slice(0, MESSAGE_LIMIT)}…` : first;
}

/** A failed or stopped nightly invitation run, shown first on the dashboard; ops get a link to act on it. */
export const NightlyRunAlert = ({ run, canOpenExecution }: { run: NightlyRun | null; canOpenExecution: boolean }) => {
  if (!run) return null;
  if (!needsAttention(run)) {
    return (
      <Typography variant="body2" color="text.secondary">
        Last nightly invitation run: {run.status}
        {run.endTime ? `, ended ${formatTime(run.endTime)}` : run.startTime ? `, started ${formatTime(run.startTime)}` : ''}
      </Typography>
    );
  }
  const failed = run.status === 'FAILED';
  return (
    <Alert
      severity={failed ? 'error' : 'warning'}
      variant="filled"
      action={
        canOpenExecution ? (
          <Button color="inherit" size="small" component={Link} to={`/executions/${run.executionId}/show`}>
            Open execution #{run.executionId}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{failed ? 'The last nightly invitation run failed' : 'The last nightly invitation run was stopped'}</AlertTitle>
      {run.startTime && `Started ${formatTime(run.startTime)}. `}
      {run.exitMessage ? summary(run.exitMessage) : 'It did not finish: some people waiting for an invitation may not have received one.'}
      {!canOpenExecution && ` Ops can restart it from the job console (execution #${run.executionId}).`}
    </Alert>
  );
};
