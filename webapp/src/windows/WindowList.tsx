import { Box, Button, Chip, Stack, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import {
  CreateButton,
  Datagrid,
  DateTimeInput,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { DryRunPanel } from './DryRunPanel';
import { SeatsField } from './SeatsField';
import { WindowCalendar } from './WindowCalendar';
import { localTime } from './windowsApi';
import type { ConsultationWindow } from './windowsApi';

export const STATUS_CHOICES = [
  { id: 'DRAFT', name: 'Draft' },
  { id: 'OPEN', name: 'Open' },
  { id: 'CLOSED', name: 'Closed' },
];

const filters = [
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} alwaysOn />,
  <TextInput key="specialty" source="specialty" label="Specialty" alwaysOn />,
  <DateTimeInput key="from" source="from" label="From" parse={(v: string) => (v ? new Date(v).toISOString() : v)} />,
  <DateTimeInput key="to" source="to" label="To" parse={(v: string) => (v ? new Date(v).toISOString() : v)} />,
  <TextInput key="hospitalId" source="hospitalId" label="Hospital id" />,
];

const Actions = () => (
  <TopToolbar>
    <CreateButton label="New window" />
    <Button component={Link} to="/windows/create?series=true" size="small">
      New recurring series
    </Button>
  </TopToolbar>
);

const WindowTable = () => (
  <List resource="windows" filters={filters} actions={<Actions />} sort={{ field: 'startsAt', order: 'ASC' }} perPage={50}
    title="Consultation windows" storeKey="windows.list" empty={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <FunctionField label="Starts" sortBy="startsAt"
        render={(w: ConsultationWindow) => `${localTime(w.startsAt)} – ${localTime(w.endsAt).slice(11)} (${w.timeZone})`} />
      <TextField source="specialty" />
      <FunctionField label="Languages" render={(w: ConsultationWindow) => (
        <Stack direction="row" spacing={0.5}>
          {w.languages.map((l) => <Chip key={l} label={l} size="small" />)}
          {w.interpreterAvailable && <Chip label="interpreter" size="small" variant="outlined" />}
        </Stack>
      )} />
      <SeatsField label="Seats" />
      <TextField source="status" />
      <TextField source="coordinator" />
    </Datagrid>
  </List>
);

/** Windows as a list or a week calendar, and the dry run of the allocation job. */
export const WindowList = () => {
  const [tab, setTab] = useState(0);
  return (
    <Box>
      <Tabs value={tab} onChange={(_e, value: number) => setTab(value)} aria-label="Window views">
        <Tab label="List" />
        <Tab label="Calendar" />
        <Tab label="Dry run" />
      </Tabs>
      {tab === 0 && <WindowTable />}
      {tab === 1 && <WindowCalendar />}
      {tab === 2 && <DryRunPanel />}
    </Box>
  );
};
