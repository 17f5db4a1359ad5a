import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import type { MouseEvent } from 'react';
import { formatDay } from '../dates';
import { formatTime } from '../jobs/format';
import { StatusChip } from '../jobs/StatusChip';
import { useAdminAction } from '../useAdminAction';
import { REPORT_TYPE_INFO, downloadReport, formatBytes, isPending } from './reportsApi';
import type { ReportView } from './reportsApi';

export const reportTypeLabel = (report: Pick<ReportView, 'type'>): string => REPORT_TYPE_INFO[report.type]?.label ?? report.type;

export const reportPeriod = (report: Pick<ReportView, 'periodStart' | 'periodEnd'>): string =>
  `${formatDay(report.periodStart)} – ${formatDay(report.periodEnd)}`;

const PENDING_TEXT: Record<string, string> = {
  QUEUED: 'Waiting for its turn',
  RUNNING: 'Being produced',
};

/** The status, with a moving bar while the workbook is still being produced. */
export const ReportStatusField = ({ report }: { report: ReportView }) => (
  <Stack spacing={0.5} alignItems="flex-start">
    <StatusChip status={report.status} />
    {isPending(report.status) && (
      <Box sx={{ width: 120 }}>
        <LinearProgress aria-label={`Report ${report.id} in progress`} />
        <Typography variant="caption" color="text.secondary">
          {PENDING_TEXT[report.status]}
        </Typography>
      </Box>
    )}
  </Stack>
);

export const ReportSizeField = ({ report }: { report: ReportView }) =>
  report.sizeBytes == null ? null : (
    <Stack>
      <Typography variant="body2">{formatBytes(report.sizeBytes)}</Typography>
      {report.rowCount != null && (
        <Typography variant="caption" color="text.secondary">
          {report.rowCount.toLocaleString()} rows
        </Typography>
      )}
    </Stack>
  );

export const RequestedByField = ({ report }: { report: ReportView }) => (
  <Stack>
    <Typography variant="body2">{report.requestedBy}</Typography>
    {report.scheduled && (
      <Typography variant="caption" color="text.secondary">
        weekly schedule
      </Typography>
    )}
  </Stack>
);

/** Saves the workbook under its archive name, fetched with the session. */
export const DownloadReportButton = ({ report }: { report: ReportView }) => {
  const act = useAdminAction();
  const download = (event: MouseEvent) => {
    // The button sits in a clickable row: the click downloads, it does not open the report.
    event.stopPropagation();
    return act(() => downloadReport(report), `Downloaded ${report.fileName ?? 'the report'}`);
  };
  return (
    <Button size="small" variant="outlined" startIcon={<DownloadIcon />} onClick={download}>
      Download
    </Button>
  );
};

/** What can be done with the report now: download it, or read why it failed. */
export const ReportOutcome = ({ report }: { report: ReportView }) => {
  if (report.status === 'COMPLETED') return <DownloadReportButton report={report} />;
  if (report.status === 'FAILED') {
    return (
      <Typography variant="body2" color="error" sx={{ maxWidth: 320 }}>
        Failed: {report.error || 'the report could not be produced'}
      </Typography>
    );
  }
  // the workbook is deleted: say why instead of offering a download that would answer 410
  if (report.status === 'WITHDRAWN') {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 320 }}>
        Withdrawn{report.withdrawnAt ? ` ${formatTime(report.withdrawnAt)}` : ''}:{' '}
        {report.withdrawalReason || 'its workbook was deleted'}
      </Typography>
    );
  }
  return null;
};
