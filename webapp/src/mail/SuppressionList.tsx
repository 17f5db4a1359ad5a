import { useState } from 'react';
import { Button, Chip } from '@mui/material';
import type { ChipProps } from '@mui/material';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { REASON_CHOICES, REASON_LABELS } from './reasons';
import type { Reason, Suppression } from './reasons';
import { RemoveSuppressionDialog } from './RemoveSuppressionDialog';
import { EmptyState, NoMatch } from '../EmptyState';

const REASON_COLORS: Record<Reason, ChipProps['color']> = {
  UNSUBSCRIBED: 'default',
  BOUNCED: 'warning',
  SPAM_REPORT: 'error',
  DROPPED: 'warning',
  MANUAL: 'info',
};

export const ReasonChip = ({ reason }: { reason: Reason }) => (
  <Chip size="small" label={REASON_LABELS[reason] ?? reason} color={REASON_COLORS[reason] ?? 'default'} />
);

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search email" />,
  <SelectInput key="reason" source="reason" label="Reason" choices={REASON_CHOICES} emptyText="Any reason" alwaysOn />,
];

const RemoveButton = () => {
  const suppression = useRecordContext<Suppression>();
  const [open, setOpen] = useState(false);
  if (!suppression) return null;
  return (
    <>
      <Button
        size="small"
        color="error"
        startIcon={<DeleteOutlineIcon />}
        aria-label={`Remove ${suppression.email}`}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        Remove
      </Button>
      {open && <RemoveSuppressionDialog suppression={suppression} onClose={() => setOpen(false)} />}
    </>
  );
};

export const SuppressionEmpty = () => (
  <EmptyState title="No suppressed addresses" action={<CreateButton label="Suppress an address" />}>
    Unsubscribes, bounces and spam reports land here; nobody on the list is emailed.
  </EmptyState>
);

const ListActions = () => (
  <TopToolbar>
    <CreateButton label="Suppress an address" />
  </TopToolbar>
);

/** The addresses nobody may email, newest first. */
export const SuppressionList = () => {
  const { canAccess: canRemove } = useCanAccess({ resource: 'suppressions', action: 'delete' });
  return (
    <List
      title="Suppressions"
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      empty={<SuppressionEmpty />}
      actions={<ListActions />}
      exporter={false}
    >
      <Datagrid bulkActionButtons={false} empty={<NoMatch what="suppressed address" />}>
        <TextField source="email" label="Email" />
        <FunctionField source="reason" label="Reason" render={(s: Suppression) => <ReasonChip reason={s.reason} />} />
        <TextField source="note" label="Note" sortable={false} emptyText="—" />
        <TextField source="source" label="Source" sortable={false} emptyText="—" />
        <DateField source="createdAt" label="Since" showTime />
        {canRemove ? <RemoveButton /> : null}
      </Datagrid>
    </List>
  );
};
