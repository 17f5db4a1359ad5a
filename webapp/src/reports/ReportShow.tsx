import { Alert, CardContent, Grid, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Show, usePermissions, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { DetailItem } from '../DetailItem';
import { formatTime } from '../jobs/format';
import { canRead } from '../roles';
import { mailedTo, pollWhilePending } from './reportsApi';
import type { ReportView } from './reportsApi';
import { ReportOutcome, ReportSizeField, ReportStatusField, RequestedByField, reportPeriod, reportTypeLabel } from './ReportFields';

const ReportDetail = () => {
  const report = useRecordContext<ReportView>();
  const { permissions } = usePermissions<string[]>();
  if (!report) return null;
  return (
    <CardContent>
      <Stack spacing={3}>
        <Typography variant="h5" component="h1">
          {reportTypeLabel(report)} · {reportPeriod(report)}
        </Typography>
        <Grid container spacing={2}>
          <DetailItem label="Status">
            <ReportStatusField report={report} />
          </DetailItem>
          <DetailItem label="Requested by">
            <RequestedByField report={report} />
          </DetailItem>
          <DetailItem label="Requested at">{formatTime(report.requestedAt)}</DetailItem>
          <DetailItem label="Completed at">{formatTime(report.completedAt)}</DetailItem>
          <DetailItem label="File">{report.fileName}</DetailItem>
          <DetailItem label="Size">
            <ReportSizeField report={report} />
          </DetailItem>
          {report.mailedAt && <DetailItem label="Mailed to leadership">{mailedTo(report)}</DetailItem>}
          {report.jobExecutionId != null && canRead(permissions, 'executions') && (
            <DetailItem label="Job run">
              <MuiLink component={Link} to={`/executions/${report.jobExecutionId}/show`}>
                Execution #{report.jobExecutionId}
              </MuiLink>
            </DetailItem>
          )}
        </Grid>
        {report.status === 'FAILED' ? (
          <Alert severity="error">
            The report could not be produced: {report.error || 'no reason was recorded'}. Request it again; if it fails
            again, ops can read its job run in the job console.
          </Alert>
        ) : (
          <div>
            <ReportOutcome report={report} />
          </div>
        )}
      </Stack>
    </CardContent>
  );
};

/** One report, read again every two seconds until it is ready or has failed. */
export const ReportShow = () => (
  <Show<ReportView> title="Report" queryOptions={{ refetchInterval: pollWhilePending }}>
    <ReportDetail />
  </Show>
);
