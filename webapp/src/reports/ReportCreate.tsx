import { Typography } from '@mui/material';
import {
  Create,
  DateInput,
  RadioButtonGroupInput,
  SaveButton,
  SimpleForm,
  Toolbar,
  required,
  useNotify,
  usePermissions,
  useRedirect,
} from 'react-admin';
import { REPORT_TYPE_INFO, lastFullWeek, reportTypesFor } from './reportsApi';
import type { ReportType } from './reportsApi';

const TypeOption = ({ type }: { type: ReportType }) => (
  <span>
    <Typography variant="body2" component="span" display="block">
      {REPORT_TYPE_INFO[type].label}
    </Typography>
    <Typography variant="caption" color="text.secondary" component="span" display="block">
      {REPORT_TYPE_INFO[type].description}
    </Typography>
  </span>
);

/** Dates as `yyyy-MM-dd` compare like the days they name. */
export const notBeforeStart = (periodEnd: string | undefined, values: { periodStart?: string }) =>
  periodEnd && values.periodStart && periodEnd < values.periodStart ? 'The period must end on or after its first day' : undefined;

/** The proposed week is a fine request as it stands, so saving does not wait for a change. */
const RequestToolbar = () => (
  <Toolbar>
    <SaveButton label="Request report" alwaysEnable />
  </Toolbar>
);

/** Asks for a workbook of one type and period; it is produced in the background and appears in the archive. */
export const ReportCreate = () => {
  const { permissions, isPending } = usePermissions<string[]>();
  const notify = useNotify();
  const redirect = useRedirect();
  if (isPending) return null;
  const types = reportTypesFor(permissions);
  const choices = types.map((type) => ({ id: type, name: type }));

  return (
    <Create
      title="New report"
      mutationOptions={{
        onSuccess: () => {
          notify('Report requested: it is being produced and can be downloaded from the archive when ready', { type: 'info' });
          redirect('list', 'reports');
        },
      }}
    >
      <SimpleForm defaultValues={{ type: 'WAITLIST_FUNNEL', ...lastFullWeek() }} toolbar={<RequestToolbar />}>
        <RadioButtonGroupInput
          source="type"
          label="Report"
          choices={choices}
          optionText={(choice: { id: ReportType }) => <TypeOption type={choice.id} />}
          row={false}
          validate={required()}
        />
        <Typography variant="body2" color="text.secondary">
          Period, both days included (dates in Asia/Shanghai). It starts as the last full week.
        </Typography>
        <DateInput source="periodStart" label="First day" validate={required()} />
        <DateInput source="periodEnd" label="Last day" validate={[required(), notBeforeStart]} />
      </SimpleForm>
    </Create>
  );
};
