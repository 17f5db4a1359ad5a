import { businessToday } from '../dates';
import { downloadFile } from '../download';
import { formatTime } from '../jobs/format';
import type { Role } from '../roles';

export const REPORT_TYPES = ['WAITLIST_FUNNEL', 'WAITLIST_DETAIL'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const REPORT_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'WITHDRAWN'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportView {
  id: number;
  type: ReportType;
  status: ReportStatus;
  periodStart: string;
  periodEnd: string;
  requestedBy: string;
  requestedAt: string;
  completedAt: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  rowCount: number | null;
  error: string | null;
  jobExecutionId: number | null;
  scheduled: boolean;
  /** When the weekly funnel was mailed to the leadership list (null: not mailed). */
  mailedAt: string | null;
  /** How many recipients it went to; null while SendGrid's answer is unknown. */
  mailedRecipients: number | null;
  /** When its workbook was deleted because it held a person who was then erased (status WITHDRAWN). */
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

interface ReportTypeInfo {
  label: string;
  description: string;
  /** Who may request and download it (ADMIN implies all). */
  roles: readonly Role[];
}

export const REPORT_TYPE_INFO: Record<ReportType, ReportTypeInfo> = {
  WAITLIST_FUNNEL: {
    label: 'Waitlist funnel',
    description: 'Sign-ups, allocation, invitations and inventory for the period, with charts. Aggregates only: no names or emails.',
    roles: ['LEADERSHIP', 'OPS'],
  },
  WAITLIST_DETAIL: {
    label: 'Waitlist detail (personal data)',
    description: 'Every sign-up with name and email. Personal data: for ops only, and every request is audited.',
    roles: ['OPS'],
  },
};

/** The report types these roles may request. */
export function reportTypesFor(roles: readonly string[] | undefined): ReportType[] {
  if (!roles) return [];
  return REPORT_TYPES.filter(
    (type) => roles.includes('ADMIN') || REPORT_TYPE_INFO[type].roles.some((role) => roles.includes(role)),
  );
}

const PENDING = new Set<string>(['QUEUED', 'RUNNING']);

export const isPending = (status: string | undefined): boolean => !!status && PENDING.has(status);

/** How often a report that is still being produced is read again. */
export const POLL_MILLIS = 2000;

/** A list is read again while any report on it is still being produced. */
export const pollWhileAnyPending = (query: { state: { data?: { data?: readonly ReportView[] } } }): number | false =>
  query.state.data?.data?.some((report) => isPending(report.status)) ? POLL_MILLIS : false;

/** A single report is read again until it is done. */
export const pollWhilePending = (query: { state: { data?: ReportView } }): number | false =>
  isPending(query.state.data?.status) ? POLL_MILLIS : false;

/** Saves a completed report's workbook under its archive name. */
export function downloadReport(report: Pick<ReportView, 'id' | 'fileName'>): Promise<string> {
  return downloadFile(`/api/reports/${encodeURIComponent(String(report.id))}/file`, report.fileName ?? `report-${report.id}.xlsx`);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The last full Monday-to-Sunday week before `now` as seen in Asia/Shanghai, where the weekly report
 * is made: the period the server would choose, shown so the user sees and can change it.
 */
export function lastFullWeek(now: Date = new Date()): { periodStart: string; periodEnd: string } {
  const [, y, m, d] = ISO_DAY.exec(businessToday(now)) ?? [];
  const midnight = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const sinceMonday = (midnight.getUTCDay() + 6) % 7;
  const DAY = 86_400_000;
  const thisMonday = midnight.getTime() - sinceMonday * DAY;
  return { periodStart: isoDay(new Date(thisMonday - 7 * DAY)), periodEnd: isoDay(new Date(thisMonday - DAY)) };
}

/** "2 recipients": who the weekly funnel was mailed to, as far as is known. */
export function mailedTo(report: Pick<ReportView, 'mailedAt' | 'mailedRecipients'>): string {
  if (!report.mailedAt) return '';
  const when = formatTime(report.mailedAt);
  if (report.mailedRecipients == null) return `${when}, delivery not confirmed`;
  return `${when} to ${report.mailedRecipients} recipient${report.mailedRecipients === 1 ? '' : 's'}`;
}

/** 12.3 KB, 4.5 MB: the size of an archived workbook. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
