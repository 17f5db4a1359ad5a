import { useState } from 'react';
import { Box, Button, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ListIcon from '@mui/icons-material/List';
import { Confirm, Datagrid, FunctionField, List, TextField, TopToolbar, useNotify, useRefresh } from 'react-admin';
import { Link } from 'react-router-dom';
import { describeCron, formatTime } from './format';
import { problemDetail } from '../http';
import { setSchedulePaused } from './jobsApi';
import type { JobSummary } from './jobsApi';
import { LaunchDialog } from './LaunchDialog';
import { StatusChip } from './StatusChip';
import { EmptyState } from '../EmptyState';

/** The executions list, optionally filtered on one job. */
export function executionsLink(jobName?: string): string {
  return jobName ? `/executions?filter=${encodeURIComponent(JSON.stringify({ jobName }))}` : '/executions';
}

const ScheduleCell = ({ job }: { job: JobSummary }) => {
  if (!job.schedule) return <Typography variant="body2">On demand only</Typography>;
  const { cron, zone, enabled } = job.schedule;
  return (
    <Box>
      <Typography variant="body2">{describeCron(cron) ?? cron}</Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        <code>{cron}</code> · {zone}
      </Typography>
      {!enabled && (
        <Typography variant="caption" color="warning.main" component="div">
          Schedules are switched off on this instance
        </Typography>
      )}
    </Box>
  );
};

const ScheduleToggle = ({ job }: { job: JobSummary }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!job.schedule) return null;
  const paused = job.schedule.paused;

  const change = async (pause: boolean) => {
    setBusy(true);
    try {
      await setSchedulePaused(job.name, pause);
      notify(pause ? `Schedule of ${job.name} paused` : `Schedule of ${job.name} resumed`, { type: 'info' });
      refresh();
    } catch (e) {
      notify(problemDetail(e), { type: 'error' });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <Stack direction="row" spacing={1} alignItems="center">
      {paused ? (
        <Chip label="Paused" size="small" color="warning" />
      ) : (
        <Chip label="Active" size="small" color="success" variant="outlined" />
      )}
      {paused ? (
        <Button size="small" startIcon={<PlayArrowIcon />} disabled={busy} onClick={() => change(false)}>
          Resume
        </Button>
      ) : (
        <Button size="small" startIcon={<PauseIcon />} disabled={busy} onClick={() => setConfirming(true)}>
          Pause
        </Button>
      )}
      <Confirm
        isOpen={confirming}
        loading={busy}
        title={`Pause the schedule of ${job.name}?`}
        content="It will not run on its schedule, on any instance, until you resume it. You can still run it by hand."
        confirm="Pause schedule"
        cancel="Cancel"
        onConfirm={() => change(true)}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
};

const LastResult = ({ job }: { job: JobSummary }) => {
  const last = job.lastExecution;
  if (!last) return <Typography variant="body2">Never run</Typography>;
  return (
    <Stack spacing={0.5} alignItems="flex-start">
      <StatusChip status={last.status} />
      <Typography variant="caption" color="text.secondary">
        {last.endTime ? `ended ${formatTime(last.endTime)}` : `started ${formatTime(last.startTime ?? last.createTime)}`}
      </Typography>
      <MuiLink component={Link} to={`/executions/${last.executionId}/show`} variant="body2">
        Execution #{last.executionId}
      </MuiLink>
    </Stack>
  );
};

const JobButtons = ({ job }: { job: JobSummary }) => {
  const [launching, setLaunching] = useState(false);
  return (
    <Stack direction="row" spacing={1}>
      <Button variant="contained" size="small" startIcon={<PlayArrowIcon />} onClick={() => setLaunching(true)}>
        Run now
      </Button>
      <Button size="small" startIcon={<HistoryIcon />} component={Link} to={executionsLink(job.name)}>
        History
      </Button>
      {launching && <LaunchDialog
          jobName={job.name}
          dryRunSupported={job.dryRunSupported}
          declared={job.parameters ?? []}
          onClose={() => setLaunching(false)} />}
    </Stack>
  );
};

export const JobsEmpty = () => (
  <EmptyState title="No batch jobs are registered" action={<AllExecutionsButton />}>
    Jobs appear here once the application that runs them defines them.
  </EmptyState>
);

const AllExecutionsButton = () => (
  <Button size="small" startIcon={<ListIcon />} component={Link} to={executionsLink()}>
    All executions
  </Button>
);

const JobListActions = () => (
  <TopToolbar>
    <AllExecutionsButton />
  </TopToolbar>
);

/** The job catalogue: each job with its schedule, next run and last result, and how to run it now. */
export const JobList = () => (
  <List title="Jobs" pagination={false} perPage={100} empty={<JobsEmpty />} actions={<JobListActions />} storeKey={false}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="name" label="Job" sortable={false} />
      <FunctionField label="Schedule" render={(job: JobSummary) => <ScheduleCell job={job} />} />
      <FunctionField label="Schedule state" render={(job: JobSummary) => <ScheduleToggle job={job} />} />
      <FunctionField
        label="Next run"
        render={(job: JobSummary) => (job.nextRun ? formatTime(job.nextRun) : '—')}
      />
      <FunctionField label="Last result" render={(job: JobSummary) => <LastResult job={job} />} />
      <FunctionField label="" render={(job: JobSummary) => <JobButtons job={job} />} />
    </Datagrid>
  </List>
);
