import type { ReportView } from './reportsApi';

/** A report as the API sends it. */
export function report(overrides: Partial<ReportView> = {}): ReportView {
  return {
    id: 17,
    type: 'WAITLIST_FUNNEL',
    status: 'COMPLETED',
    periodStart: '2026-11-16',
    periodEnd: '2026-11-22',
    requestedBy: 'leader1',
    requestedAt: '2026-11-23T07:00:00Z',
    completedAt: '2026-11-23T07:00:09Z',
    fileName: 'waitlist-funnel-2026-11-16-to-2026-11-22.xlsx',
    sizeBytes: 48_213,
    rowCount: 1200,
    error: null,
    jobExecutionId: 42,
    scheduled: false,
    mailedAt: null,
    mailedRecipients: null,
    withdrawnAt: null,
    withdrawalReason: null,
    ...overrides,
  };
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The workbook download: zip bytes and the archive name in Content-Disposition. */
export function fileResponse(fileName: string): Response {
  return new Response('PK\u0003\u0004', {
    status: 200,
    headers: { 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="${fileName}"` },
  });
}
