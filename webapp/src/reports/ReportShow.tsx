import { Alert, CardContent, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Show, useRecordContext } from 'react-admin';
import { formatTime } from '../jobs/format';
import { pollWhilePending } from './reportsApi';
import type { ReportView } from './reportsApi';
import { ReportOutcome, ReportSizeField, ReportStatusField, RequestedByField, reportPeriod, reportTypeLabel } from './ReportFields';

const Item = ({ label, children }: { label: string; children: ReactNode }) => (
  <Grid size={{ xs: 12, sm: 6, md: 4 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div">
      {children || '—'}
    </Typography>
  </Grid>
);

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
          <Item label="Status">
            <ReportStatusField report={report} />
          </Item>
          <Item label="Requested by">
            <RequestedByField report={report} />
          </Item>
          <Item label="Requested at">{formatTime(report.requestedAt)}</Item>
          <Item label="Completed at">{formatTime(report.completedAt)}</Item>
          <Item label="File">{report.fileName}</Item>
          <Item label="Size">
            <ReportSizeField report={report} />
          </Item>
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
