import { Box, Chip, Typography } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  Datagrid,
  DateField,
  FilterButton,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { canWrite } from '../roles';
import { StatusChips } from './GuideWorkflow';
import type { Guide } from './types';
import { STATUS_CHOICES, reviewDueSoon } from './types';
import { useSpecialtyChoices } from './useSpecialtyChoices';

export const ReviewDueChip = ({ guide }: { guide: Guide }) => {
  const due = guide.medicalReview?.nextReviewDue;
  if (!due) return <Chip size="small" variant="outlined" label="No review date" />;
  return reviewDueSoon(due) ? <Chip size="small" color="error" label={`Review due ${due}`} /> : <span>{due}</span>;
};

export const GuideEmpty = () => {
  const { permissions } = usePermissions<string[]>();
  return (
    <Box textAlign="center" m={4}>
      <Typography variant="h6" component="p" gutterBottom>
        No guide pages yet
      </Typography>
      <Typography variant="body2" gutterBottom>
        Guide pages are the medical information the public site shows, each with a disclaimer and a medical review.
      </Typography>
      {canWrite(permissions, 'guides') && <CreateButton label="Create guide" />}
    </Box>
  );
};

const ListActions = () => {
  const { permissions } = usePermissions<string[]>();
  return (
    <TopToolbar>
      <FilterButton />
      {canWrite(permissions, 'guides') && <CreateButton label="Create guide" />}
    </TopToolbar>
  );
};

/** Guide pages with search (title, slug), filters and the review-due warning. */
export const GuideList = () => {
  const specialties = useSpecialtyChoices();
  const { permissions } = usePermissions<string[]>();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder="Search title or slug" />,
    <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} alwaysOn />,
    <BooleanInput key="reviewDueSoon" source="reviewDueSoon" label="Review due soon" alwaysOn />,
    <TextInput key="locale" source="locale" label="Locale" />,
    <SelectInput key="specialty" source="specialty" label="Specialty" choices={specialties ?? []} isPending={!specialties} />,
  ];
  return (
    <List
      title="Guides"
      filters={filters}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      perPage={25}
      empty={<GuideEmpty />}
      actions={<ListActions />}
    >
      <Datagrid rowClick={canWrite(permissions, 'guides') ? 'edit' : 'show'} bulkActionButtons={false}>
        <TextField source="title" label="Title" />
        <TextField source="slug" label="Slug" />
        <TextField source="locale" label="Locale" />
        <FunctionField label="Status" sortBy="status" render={(g: Guide) => <StatusChips guide={g} />} />
        <FunctionField label="Next review" sortBy="nextReviewDue" render={(g: Guide) => <ReviewDueChip guide={g} />} />
        <DateField source="updatedAt" label="Updated" showTime />
      </Datagrid>
    </List>
  );
};
