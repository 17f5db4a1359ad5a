import { Datagrid, DateField, FunctionField, List, SelectInput, TextField } from 'react-admin';
import type { RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { DecisionButtons } from './WaitlistShow';

const STATUS_CHOICES = [
  { id: 'OPEN', name: 'Open' },
  { id: 'CONFIRMED_SAME', name: 'Same person' },
  { id: 'DISTINCT', name: 'Different people' },
];

const filters = [<SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} alwaysOn />];

const Person = ({ id, name, email }: { id: unknown; name: unknown; email: unknown }) => (
  <Link to={`/waitlist/${String(id)}/show`} onClick={(e) => e.stopPropagation()}>
    {String(name ?? '')} {email ? `<${String(email)}>` : ''}
  </Link>
);

/** Look-alikes the dedupe job flagged (same normalized name and country), for a person to decide. */
export const PossibleDuplicateList = () => (
  <List
    title="Possible duplicates"
    resource="waitlist-possible-duplicates"
    filters={filters}
    filterDefaultValues={{ status: 'OPEN' }}
    sort={{ field: 'foundAt', order: 'DESC' }}
    perPage={50}
  >
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <FunctionField
        label="Entry"
        render={(r: RaRecord) => <Person id={r.entryId} name={r.fullName} email={r.email} />}
      />
      <FunctionField
        label="Looks like"
        render={(r: RaRecord) => <Person id={r.otherEntryId} name={r.otherFullName} email={r.otherEmail} />}
      />
      <TextField source="country" label="Country" sortable={false} />
      <TextField source="reason" label="Reason" sortable={false} />
      <TextField source="status" label="Status" />
      <DateField source="foundAt" label="Found" showTime />
      <FunctionField
        label=""
        render={(r: RaRecord) => <DecisionButtons pair={{ id: Number(r.id), status: String(r.status) }} />}
      />
    </Datagrid>
  </List>
);
