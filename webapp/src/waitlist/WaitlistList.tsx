import { Button, Chip, Stack } from '@mui/material';
import { useState } from 'react';
import {
  Datagrid,
  DateField,
  DateInput,
  FunctionField,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useNotify,
  useRefresh,
} from 'react-admin';
import type { RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { describeRun, runDedupe } from './waitlistApi';
import { CountedPagination } from '../CountedPagination';
import { EmptyState } from '../EmptyState';

export const STATUS_CHOICES = [
  { id: 'ACTIVE', name: 'Active' },
  { id: 'MERGED', name: 'Merged into another' },
  { id: 'ERASED', name: 'Erased' },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search email or name" />,
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} />,
  <TextInput key="specialty" source="specialty" label="Specialty" />,
  <TextInput key="country" source="country" label="Country" />,
  <TextInput key="sourcePage" source="sourcePage" label="Source page" />,
  <DateInput key="signedUpFrom" source="signedUpFrom" label="Signed up from" />,
  <DateInput key="signedUpTo" source="signedUpTo" label="Signed up to" />,
];

export const Chips = ({ values }: { values?: string[] }) => (
  <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
    {(values ?? []).map((v) => (
      <Chip key={v} label={v} size="small" />
    ))}
  </Stack>
);

/** Runs the dedupe job now and tells what it did. */
export const RunDedupeButton = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    try {
      const result = await runDedupe();
      notify(`De-duplication ${result.status.toLowerCase()}: ${describeRun(result)}`, {
        type: result.status === 'COMPLETED' ? 'success' : 'warning',
      });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setRunning(false);
    }
  };
  return (
    <Button size="small" onClick={run} disabled={running}>
      {running ? 'De-duplicating…' : 'Run de-duplication now'}
    </Button>
  );
};

const ListActions = () => (
  <TopToolbar>
    <Button size="small" component={Link} to="/waitlist-possible-duplicates">
      Possible duplicates
    </Button>
    <RunDedupeButton />
  </TopToolbar>
);

export const WaitlistEmpty = () => (
  <EmptyState title="Nobody on the waitlist yet" action={<RunDedupeButton />}>
    Sign-ups from the public site appear here after the de-duplication job has filed them.
  </EmptyState>
);

export const WaitlistList = () => (
  <List
    title="Waitlist"
    filters={filters}
    sort={{ field: 'queuedAt', order: 'ASC' }}
    perPage={50}
    pagination={<CountedPagination />}
    empty={<WaitlistEmpty />}
    actions={<ListActions />}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="queuedAt" label="Queued at" showTime />
      <TextField source="email" label="Email" />
      <TextField source="fullName" label="Name" />
      <TextField source="country" label="Country" />
      <FunctionField
        label="Specialties"
        sortable={false}
        render={(record: RaRecord) => <Chips values={record.specialties as string[]} />}
      />
      <FunctionField
        label="Source pages"
        sortable={false}
        render={(record: RaRecord) => <Chips values={record.sourcePages as string[]} />}
      />
      <NumberField source="signupCount" label="Sign-ups" />
      <TextField source="status" label="Status" />
    </Datagrid>
  </List>
);
