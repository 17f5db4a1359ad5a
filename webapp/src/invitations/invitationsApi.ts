import { http } from '../http';

export type InvitationStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'UNCONFIRMED' | 'SUPPRESSED' | 'CANCELLED';

export interface Invitation {
  id: number;
  allocationId: number;
  entryId: number;
  windowId: number;
  email?: string;
  fullName?: string;
  windowStartsAt: string;
  specialty: string;
  allocationStatus: string;
  status: InvitationStatus;
  attempts: number;
  sendgridMessageId?: string;
  sendingStartedAt?: string;
  sentAt?: string;
  failureReason?: string;
  failureTransient: boolean;
  delivery?: string;
  deliveredAt?: string;
  bouncedAt?: string;
  openedAt?: string;
  spamReportedAt?: string;
  unsubscribedAt?: string;
  response?: 'ACCEPTED' | 'DECLINED' | 'EXPIRED';
  respondedAt?: string;
  replyDeadline?: string;
  createdAt: string;
  updatedAt: string;
  resendable: boolean;
}

export interface TemplatePreview {
  subject: string;
  html: string;
  text: string;
}

export const STATUSES: InvitationStatus[] = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'UNCONFIRMED', 'SUPPRESSED', 'CANCELLED'];
export const DELIVERIES = ['processed', 'delivered', 'deferred', 'bounce', 'dropped', 'open', 'spamreport', 'unsubscribe'];

/** Chip colour of a ledger status: what needs ops' attention stands out. */
export function statusColor(status: InvitationStatus): 'default' | 'success' | 'error' | 'warning' | 'info' {
  switch (status) {
    case 'SENT':
      return 'success';
    case 'FAILED':
      return 'error';
    case 'UNCONFIRMED':
      return 'warning';
    case 'SENDING':
      return 'info';
    default:
      return 'default';
  }
}

export const resend = (id: number) => http<Invitation>(`/api/invitations/${id}/resend`, { method: 'POST' });

export const markSent = (id: number, note: string) =>
  http<Invitation>(`/api/invitations/${id}/mark-sent`, { method: 'POST', body: { note } });

export const testSend = (email: string) =>
  http<{ outcome: string; detail: string }>('/api/invitations/test-send', { method: 'POST', body: { email } });
