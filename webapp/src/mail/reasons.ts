/** Why an address is on the suppression list (Suppressions.Reason on the server). */
export const REASONS = ['UNSUBSCRIBED', 'BOUNCED', 'SPAM_REPORT', 'DROPPED', 'MANUAL'] as const;
export type Reason = (typeof REASONS)[number];

export const REASON_LABELS: Record<Reason, string> = {
  UNSUBSCRIBED: 'Unsubscribed',
  BOUNCED: 'Bounced',
  SPAM_REPORT: 'Spam report',
  DROPPED: 'Dropped',
  MANUAL: 'Added by ops',
};

export const REASON_CHOICES = REASONS.map((r) => ({ id: r, name: REASON_LABELS[r] }));

export interface Suppression {
  id: string;
  email: string;
  reason: Reason;
  note: string | null;
  source: string | null;
  createdAt: string;
}
