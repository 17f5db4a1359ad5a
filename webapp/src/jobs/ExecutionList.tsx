import { Button, Stack } from '@mui/material';
import SettingsSuggestIcon from '@mui/icons-material/SettingsSuggest';
import {
  Datagrid,
  DateField,
  DateInput,
  FunctionField,
  List,
  NumberField,
  SelectInput,
  TextField,
  TopToolbar,
  useGetList,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDuration } from './format';
import { STATUSES } from './jobsApi';
import type { ExecutionView, JobSummary } from './jobsApi';
import { RecoveredChip, StatusChip } from './StatusChip';
import { EmptyState, NoMatch } from '../EmptyState';

const STATUS_CHOICES = STATUSES.map((s) => ({ id: s, name: s }));

/** The job filter offers the catalogue's jobs. */
const JobFilter = (props: { source: string; label: string; alwaysOn?: boolean }) => {
  const { data } = useGetList<JobSummary>('jobs', { pagination: { page: 1, perPage: 100 } });
  const choices = (data ?? []).map((job) => ({ id: job.name, name: job.name }));
  return <SelectInput {...props} choices={choices} emptyText="All jobs" />;
};

const filters = [
  <JobFilter key="jobName" source="jobName" label="Job" alwaysOn />,
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} emptyText="Any status" alwaysOn />,
  <DateInput key="from" source="from" label="Created from" alwaysOn />,
  <DateInput key="to" source="to" label="Created until" alwaysOn />,
];

export const ExecutionsEmpty = () => (
  <EmptyState title="No executions yet" action={<Button component={Link} to="/jobs" startIcon={<SettingsSuggestIcon />}> Go to the job catalogue </Button>}>
    Runs appear here once a job has been launched, by hand or on its schedule.
  </EmptyState>
);

const ExecutionListActions = () => (
  <TopToolbar>
    <Button size="small" component={Link} to="/jobs" startIcon={<SettingsSuggestIcon />}>
      Job catalogue
    </Button>
  </TopToolbar>
);

/** Every run of every job, newest first, filtered by job, status and creation date. */
export const ExecutionList = () => (
  <List
    title="Job executions"
    filters={filters}
    sort={{ field: 'executionId', order: 'DESC' }}
    perPage={25}
    empty={<ExecutionsEmpty />}
    actions={<ExecutionListActions />}
  >
    <Datagrid rowClick="show" bulkActionButtons={false} empty={<NoMatch what="execution" />}>
      <NumberField source="executionId" label="#" options={{ useGrouping: false }} />
      <TextField source="jobName" label="Job" />
      <FunctionField
        source="status"
        label="Status"
        render={(execution: ExecutionView) => (
          <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
            <StatusChip status={execution.status} />
            <RecoveredChip recoveredAt={execution.recoveredAt} />
          </Stack>
        )}
      />
      <DateField source="startTime" label="Started" showTime />
      <DateField source="endTime" label="Ended" showTime />
      <FunctionField
        label="Duration"
        sortable={false}
        render={(execution: ExecutionView) => formatDuration(execution.durationMillis)}
      />
      <TextField source="launchedBy" label="Launched by" sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
