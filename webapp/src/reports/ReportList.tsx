import { CreateButton, Datagrid, DateField, FunctionField, List, SelectInput, TopToolbar, usePermissions } from 'react-admin';
import { EmptyState, NoMatch } from '../EmptyState';
import { REPORT_STATUSES, REPORT_TYPE_INFO, pollWhileAnyPending, reportTypesFor } from './reportsApi';
import type { ReportView } from './reportsApi';
import { ReportOutcome, ReportSizeField, ReportStatusField, RequestedByField, reportPeriod, reportTypeLabel } from './ReportFields';

const STATUS_CHOICES = REPORT_STATUSES.map((status) => ({ id: status, name: status }));

/** The filters offer only the types these roles can see in the archive. */
function reportFilters(roles: string[] | undefined) {
  const typeChoices = reportTypesFor(roles).map((type) => ({ id: type, name: REPORT_TYPE_INFO[type].label }));
  return [
    <SelectInput key="type" source="type" label="Type" choices={typeChoices} emptyText="All types" alwaysOn />,
    <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} emptyText="Any status" alwaysOn />,
  ];
}

const NewReportButton = () => <CreateButton label="New report" />;

export const ReportsEmpty = () => (
  <EmptyState title="No reports yet" action={<NewReportButton />}>
    Workbooks appear here when someone requests one, and every Monday morning from the weekly schedule.
  </EmptyState>
);

const ReportListActions = () => (
  <TopToolbar>
    <NewReportButton />
  </TopToolbar>
);

/** The report archive, newest first; read again by itself while a report is being produced. */
export const ReportList = () => {
  const { permissions } = usePermissions<string[]>();
  return (
    <List<ReportView>
      title="Reports"
      filters={reportFilters(permissions)}
      sort={{ field: 'requestedAt', order: 'DESC' }}
      perPage={25}
      empty={<ReportsEmpty />}
      actions={<ReportListActions />}
      queryOptions={{ refetchInterval: pollWhileAnyPending }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<NoMatch what="report" />}>
        <FunctionField source="type" label="Type" render={(report: ReportView) => reportTypeLabel(report)} />
        <FunctionField source="status" label="Status" render={(report: ReportView) => <ReportStatusField report={report} />} />
        <FunctionField source="periodStart" label="Period" render={(report: ReportView) => reportPeriod(report)} />
        <FunctionField source="requestedBy" label="Requested by" sortable={false} render={(report: ReportView) => <RequestedByField report={report} />} />
        <DateField source="requestedAt" label="Requested at" showTime />
        <FunctionField source="sizeBytes" label="Size" sortable={false} render={(report: ReportView) => <ReportSizeField report={report} />} />
        <FunctionField label="" sortable={false} render={(report: ReportView) => <ReportOutcome report={report} />} />
      </Datagrid>
    </List>
  );
};
