import { Alert, CardContent, Grid, Stack, Typography } from '@mui/material';
import { Show, useRecordContext } from 'react-admin';
import { DetailItem } from '../DetailItem';
import { formatTime } from '../jobs/format';
import { pollWhilePending } from './reportsApi';
import type { ReportView } from './reportsApi';
import { ReportOutcome, ReportSizeField, ReportStatusField, RequestedByField, reportPeriod, reportTypeLabel } from './ReportFields';

const ReportDetail = () => {
  const report = useRecordContext<ReportView>();
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
        </Grid>
        {report.status === 'FAILED' ? (
          <Alert severity="error">
            The report could not be produced: {report.error || 'no reason was recorded'}. Request it again; if it fails
            again, ops can read the run in the job console.
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
