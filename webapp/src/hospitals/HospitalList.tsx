import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
  usePermissions,
} from 'react-admin';
import type { RaRecord } from 'react-admin';
import { canWrite } from '../roles';
import { DUE_WITHIN_DAYS, EXPIRING_CHOICES, STATUS_CHOICES } from './hospitalChoices';
import { StatusChip } from './StatusChip';
import { useSpecialtyChoices } from './useSpecialtyChoices';

/** One click to the verified profiles whose verification lapses soon, soonest first. */
export const DueForReverificationButton = () => {
  const { setFilters, setSort } = useListContext();
  return (
    <Button
      size="small"
      startIcon={<EventRepeatIcon />}
      onClick={() => {
        setFilters({ expiringWithinDays: DUE_WITHIN_DAYS }, {});
        setSort({ field: 'verificationExpiresOn', order: 'ASC' });
      }}
    >
      Due for re-verification
    </Button>
  );
};

const ListActions = () => {
  const { permissions } = usePermissions<string[]>();
  return (
    <TopToolbar>
      <DueForReverificationButton />
      {canWrite(permissions, 'hospitals') && <CreateButton label="Create hospital" />}
    </TopToolbar>
  );
};

export const HospitalEmpty = () => {
  const { permissions } = usePermissions<string[]>();
  return (
    <Box textAlign="center" m={4}>
      <Typography variant="h6" component="p" gutterBottom>
        No hospital profiles yet
      </Typography>
      <Typography variant="body2" gutterBottom>
        Profiles record what was checked about a hospital; only verified ones appear on the public site.
      </Typography>
      {canWrite(permissions, 'hospitals') && <CreateButton label="Create hospital" />}
    </Box>
  );
};

const SpecialtyChips = ({ codes }: { codes?: string[] }) => (
  <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
    {(codes ?? []).map((c) => (
      <Chip key={c} label={c} size="small" variant="outlined" />
    ))}
  </Stack>
);

export const HospitalList = () => {
  const specialties = useSpecialtyChoices();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder="Search name, Chinese name or slug" />,
    <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} />,
    <TextInput key="city" source="city" label="City" />,
    <SelectInput key="specialty" source="specialty" label="Specialty" choices={specialties} />,
    <SelectInput key="expiringWithinDays" source="expiringWithinDays" label="Expiring" choices={EXPIRING_CHOICES} />,
  ];
  return (
    <List
      title="Hospitals"
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      empty={<HospitalEmpty />}
      actions={<ListActions />}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" label="Name" />
        <TextField source="localName" label="Chinese name" sortable={false} />
        <TextField source="city" label="City" />
        <FunctionField
          label="Status"
          sortBy="status"
          render={(record: RaRecord) => <StatusChip status={record.status as string} />}
        />
        <FunctionField
          label="Specialties"
          sortable={false}
          render={(record: RaRecord) => <SpecialtyChips codes={record.specialties as string[]} />}
        />
        <DateField source="latestVerification.expiresOn" label="Verification expires" sortBy="verificationExpiresOn" />
        <DateField source="updatedAt" label="Updated" />
      </Datagrid>
    </List>
  );
};
