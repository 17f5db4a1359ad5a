import { Chip, Stack } from '@mui/material';
import {
  BooleanField,
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SearchInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import type { RaRecord } from 'react-admin';
import { EmptyState } from '../EmptyState';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search username or email" />];

export const RoleChips = ({ roles }: { roles?: string[] }) => (
  <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
    {(roles ?? []).map((r) => (
      <Chip key={r} label={r} size="small" />
    ))}
  </Stack>
);

export const UserEmpty = () => (
  <EmptyState title="No users yet" action={<CreateButton label="Create user" />}>
    Create an account for each member of staff.
  </EmptyState>
);

const ListActions = () => (
  <TopToolbar>
    <CreateButton label="Create user" />
  </TopToolbar>
);

export const UserList = () => (
  <List
    title="Users"
    filters={filters}
    sort={{ field: 'username', order: 'ASC' }}
    perPage={25}
    empty={<UserEmpty />}
    actions={<ListActions />}
  >
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="username" label="Username" />
      <TextField source="displayName" label="Display name" />
      <TextField source="email" label="Email" />
      <FunctionField
        label="Roles"
        sortable={false}
        render={(record: RaRecord) => <RoleChips roles={record.roles as string[]} />}
      />
      <BooleanField source="enabled" label="Enabled" />
      <DateField source="createdAt" label="Created" showTime />
    </Datagrid>
  </List>
);
