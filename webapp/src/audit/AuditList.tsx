import { Alert, Box } from '@mui/material';
import {
  Datagrid,
  DateField,
  DateInput,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { prettyJson } from '../prettyJson';
import { useJson } from '../useJson';
import { EmptyState, NoMatch } from '../EmptyState';

export interface AuditEntry {
  id: number;
  occurredAt: string;
  actor: string | null;
  action: string;
  module: string;
  remoteAddress: string | null;
  /** The event as JSON text. */
  details: string | null;
}

interface Facets {
  actions: string[];
  modules: string[];
}

const choices = (values: readonly string[] | undefined) => (values ?? []).map((v) => ({ id: v, name: v }));

function auditFilters(facets: Facets | undefined, facetsPending: boolean) {
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder="Search in details" />,
    <TextInput key="actor" source="actor" label="Who (username)" alwaysOn resettable />,
    <SelectInput key="action" source="action" label="Action" choices={choices(facets?.actions)} isPending={facetsPending} emptyText="Any action" alwaysOn />,
    <SelectInput key="module" source="module" label="Module" choices={choices(facets?.modules)} isPending={facetsPending} emptyText="Any module" alwaysOn />,
    <DateInput key="from" source="from" label="From" alwaysOn />,
    <DateInput key="to" source="to" label="Until" alwaysOn />,
  ];
}

/** The event behind an entry, as the server recorded it. */
export const AuditDetails = () => {
  const entry = useRecordContext<AuditEntry>();
  if (!entry) return null;
  return (
    <Box component="pre" aria-label="Details" sx={{ m: 0, p: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: '0.8rem' }}>
      {prettyJson(entry.details) || 'No details recorded.'}
    </Box>
  );
};

export const AuditEmpty = () => (
  <EmptyState title="No audit entries yet">
    Sign-ins and every change staff make are recorded here.
  </EmptyState>
);

/** Who did what, when and from where; newest first. */
export const AuditList = () => {
  const facets = useJson<Facets>('/api/audit/facets');
  return (
    <>
      {facets.error && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          The action and module pickers could not be filled: {facets.error.message}
        </Alert>
      )}
      <List
        title="Audit log"
        filters={auditFilters(facets.data, !facets.data && !facets.error)}
        sort={{ field: 'occurredAt', order: 'DESC' }}
        perPage={25}
        empty={<AuditEmpty />}
        exporter={false}
      >
        <Datagrid bulkActionButtons={false} expand={<AuditDetails />} empty={<NoMatch what="audit entry" />}>
          <DateField source="occurredAt" label="When" showTime />
          <TextField source="actor" label="Who" emptyText="—" />
          <TextField source="action" label="Action" />
          <TextField source="module" label="Module" />
          {/* the API sorts by when, who, action and module only */}
          <TextField source="remoteAddress" label="From address" sortable={false} emptyText="—" />
        </Datagrid>
      </List>
    </>
  );
};
