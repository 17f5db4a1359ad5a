import { Button, Collapse } from '@mui/material';
import { useState } from 'react';
import {
  Datagrid,
  DateField,
  DateInput,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { MailModeBanner } from '../mail/OutboxList';
import { InvitationStatusChips } from './InvitationStatusChips';
import type { Invitation } from './invitationsApi';
import { DELIVERIES, STATUSES } from './invitationsApi';
import { TemplatePanel } from './TemplatePanel';

const filters = [
  <SelectInput key="status" source="status" alwaysOn choices={STATUSES.map((s) => ({ id: s, name: s }))} />,
  <SelectInput key="delivery" source="delivery" choices={DELIVERIES.map((d) => ({ id: d, name: d }))} />,
  <SelectInput
    key="response"
    source="response"
    choices={['ACCEPTED', 'DECLINED', 'EXPIRED'].map((r) => ({ id: r, name: r }))}
  />,
  <NumberInput key="windowId" source="windowId" label="Window id" />,
  <DateInput key="from" source="from" label="Created from" />,
  <DateInput key="to" source="to" label="Created to" />,
];

/** The invitation ledger, newest first, with the template preview one click away. */
export const InvitationList = () => {
  const [showTemplate, setShowTemplate] = useState(false);
  return (
    <>
      <MailModeBanner />
      <List
        title="Invitations"
        filters={filters}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={25}
        exporter={false}
        actions={
          <TopToolbar>
            <Button onClick={() => setShowTemplate((shown) => !shown)}>
              {showTemplate ? 'Hide the email template' : 'Email template and test'}
            </Button>
          </TopToolbar>
        }
      >
        <Collapse in={showTemplate} unmountOnExit>
          <TemplatePanel />
        </Collapse>
        <Datagrid bulkActionButtons={false} rowClick="show">
          <NumberField source="id" />
          <TextField source="fullName" label="Person" sortable={false} />
          <TextField source="email" />
          <TextField source="specialty" sortable={false} />
          <DateField source="windowStartsAt" label="Window" showTime />
          <FunctionField
            label="Status"
            sortBy="status"
            render={(invitation: Invitation) => <InvitationStatusChips invitation={invitation} />}
          />
          <DateField source="sentAt" label="Sent" showTime />
        </Datagrid>
      </List>
    </>
  );
};
