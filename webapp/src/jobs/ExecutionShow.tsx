import {
  Box,
  CardContent,
  Grid,
  LinearProgress,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Show, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { DetailItem } from '../DetailItem';
import { ExecutionActions } from './ExecutionActions';
import { formatDuration, formatTime } from './format';
import { isRunning } from './jobsApi';
import type { ExecutionView, StepView } from './jobsApi';
import { executionsLink } from './JobList';
import { RecoveredChip, StatusChip } from './StatusChip';

/** How often a running execution is read again. */
export const POLL_MILLIS = 1000;

/** Poll while the execution runs; stop once it has ended. */
export const pollWhileRunning = (query: { state: { data?: ExecutionView } }): number | false =>
  isRunning(query.state.data?.status) ? POLL_MILLIS : false;

/** The launcher's name is shown on its own, not among the job's parameters. */
const HIDDEN_PARAMETERS = new Set(['launchedBy']);

/** Long exit descriptions (stack traces) stay readable without stretching the page. */
const MessageBlock = ({ text, label }: { text: string; label: string }) => (
  <Box
    component="pre"
    aria-label={label}
    tabIndex={0}
    sx={{
      m: 0,
      p: 1,
      maxHeight: 240,
      overflow: 'auto',
      whiteSpace: 'pre-wrap',
      wordBreak: 'break-word',
      fontSize: '0.8rem',
      bgcolor: 'action.hover',
      borderRadius: 1,
    }}
  >
    {text}
  </Box>
);

export const ExecutionProgress = ({ execution }: { execution: ExecutionView }) => {
  const { done, total, percent } = execution.progress;
  const running = isRunning(execution.status);
  if (total != null) {
    return (
      <Box>
        <LinearProgress variant="determinate" value={percent ?? 0} aria-label="Progress" />
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {done} / {total} items ({percent ?? 0} %)
        </Typography>
      </Box>
    );
  }
  return (
    <Box>
      {running && <LinearProgress variant="indeterminate" aria-label="Progress" />}
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {done} items read{running ? ' so far' : ''}
      </Typography>
    </Box>
  );
};

const StepsTable = ({ steps }: { steps: StepView[] }) => (
  <TableContainer>
    <Table size="small" aria-label="Steps">
      <TableHead>
        <TableRow>
          <TableCell>Step</TableCell>
          <TableCell>Status</TableCell>
          <TableCell align="right">Read</TableCell>
          <TableCell align="right">Write</TableCell>
          <TableCell align="right">Skip</TableCell>
          <TableCell align="right">Filter</TableCell>
          <TableCell align="right">Commit</TableCell>
          <TableCell align="right">Rollback</TableCell>
          <TableCell align="right">Duration</TableCell>
          <TableCell>Exit message</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {steps.length === 0 && (
          <TableRow>
            <TableCell colSpan={10}>No step has started yet.</TableCell>
          </TableRow>
        )}
        {steps.map((step) => (
          <TableRow key={step.stepExecutionId}>
            <TableCell>{step.name}</TableCell>
            <TableCell>
              <StatusChip status={step.status} />
            </TableCell>
            <TableCell align="right">{step.total != null ? `${step.readCount} / ${step.total}` : step.readCount}</TableCell>
            <TableCell align="right">{step.writeCount}</TableCell>
            <TableCell align="right">{step.skipCount}</TableCell>
            <TableCell align="right">{step.filterCount}</TableCell>
            <TableCell align="right">{step.commitCount}</TableCell>
            <TableCell align="right">{step.rollbackCount}</TableCell>
            <TableCell align="right">{formatDuration(step.durationMillis)}</TableCell>
            <TableCell sx={{ maxWidth: 420 }}>
              {step.exitMessage ? <MessageBlock text={step.exitMessage} label={`Exit message of ${step.name}`} /> : step.exitCode}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </TableContainer>
);

const ExecutionDetail = () => {
  const execution = useRecordContext<ExecutionView>();
  if (!execution) return null;
  const parameters = Object.entries(execution.parameters ?? {}).filter(([key]) => !HIDDEN_PARAMETERS.has(key));
  return (
    <CardContent>
      <Stack spacing={3}>
        <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
          <Typography variant="h5" component="h1">
            {execution.jobName} · execution #{execution.executionId}
          </Typography>
          <StatusChip status={execution.status} />
          <RecoveredChip recoveredAt={execution.recoveredAt} />
        </Stack>
        <Grid container spacing={2}>
          <DetailItem label="Job">
            <MuiLink component={Link} to={executionsLink(execution.jobName)}>
              {execution.jobName}
            </MuiLink>
          </DetailItem>
          <DetailItem label="Launched by">{execution.launchedBy}</DetailItem>
          <DetailItem label="Exit code">{execution.exitCode}</DetailItem>
          <DetailItem label="Duration">{formatDuration(execution.durationMillis)}</DetailItem>
          <DetailItem label="Created">{formatTime(execution.createTime)}</DetailItem>
          <DetailItem label="Started">{formatTime(execution.startTime)}</DetailItem>
          <DetailItem label="Ended">{formatTime(execution.endTime)}</DetailItem>
          <DetailItem label="Recovered">{formatTime(execution.recoveredAt)}</DetailItem>
        </Grid>
        <Box>
          <Typography variant="subtitle2" gutterBottom>
            Parameters
          </Typography>
          {parameters.length === 0 ? (
            <Typography variant="body2">None</Typography>
          ) : (
            <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap">
              {parameters.map(([key, value]) => (
                <Typography key={key} variant="body2">
                  <strong>{key}</strong>: {value}
                </Typography>
              ))}
            </Stack>
          )}
        </Box>
        <Box>
          <Typography variant="subtitle2" gutterBottom>
            Progress
          </Typography>
          <ExecutionProgress execution={execution} />
        </Box>
        {execution.exitDescription && (
          <Box>
            <Typography variant="subtitle2" gutterBottom>
              Exit description
            </Typography>
            <MessageBlock text={execution.exitDescription} label="Exit description" />
          </Box>
        )}
        <Box>
          <Typography variant="subtitle2" gutterBottom>
            Steps
          </Typography>
          <StepsTable steps={execution.steps ?? []} />
        </Box>
      </Stack>
    </CardContent>
  );
};

/** One execution, read again every second while it runs so the progress bar moves by itself. */
export const ExecutionShow = () => (
  <Show<ExecutionView>
    title="Job execution"
    actions={<ExecutionActions />}
    queryOptions={{ refetchInterval: pollWhileRunning }}
  >
    <ExecutionDetail />
  </Show>
);
