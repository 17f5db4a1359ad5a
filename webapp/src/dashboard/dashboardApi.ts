/** GET /api/dashboard: aggregates only, no personal data. */
export interface DashboardView {
  generatedAt: string;
  funnel: Funnel;
  signupsByWeek: { weekStart: string; signups: number; uniquePeople: number }[];
  windowUtilizationByWeek: { weekStart: string; seats: number; taken: number; accepted: number }[];
  deliveryHealth: { status: string; count: number }[];
  guidesDueForReview: { id: number; slug: string; title: string; status: string; reviewDue: string }[];
  hospitalsDueForReverification: { id: number; slug: string; name: string; status: string; verificationExpires: string }[];
  nightlyRun: NightlyRun | null;
}

export interface Funnel {
  signups: number;
  uniquePeople: number;
  duplicatesMerged: number;
  allocated: number;
  invited: number;
  delivered: number;
  accepted: number;
  declined: number;
  expired: number;
  bounced: number;
  unsubscribed: number;
}

export interface NightlyRun {
  executionId: number;
  status: string;
  exitCode: string | null;
  startTime: string | null;
  endTime: string | null;
  exitMessage: string | null;
}

export const DASHBOARD_URL = '/api/dashboard';

/** The stages people pass through, in order: the bars of the funnel. */
export const FUNNEL_STAGES: readonly { key: keyof Funnel; label: string }[] = [
  { key: 'signups', label: 'Sign-ups' },
  { key: 'uniquePeople', label: 'Unique people' },
  { key: 'allocated', label: 'Allocated' },
  { key: 'invited', label: 'Invited' },
  { key: 'delivered', label: 'Delivered' },
  { key: 'accepted', label: 'Accepted' },
];

/** Where people dropped out or were set aside: figures beside the funnel. */
export const FUNNEL_OUTCOMES: readonly { key: keyof Funnel; label: string }[] = [
  { key: 'duplicatesMerged', label: 'Duplicates merged' },
  { key: 'declined', label: 'Declined' },
  { key: 'expired', label: 'Expired' },
  { key: 'bounced', label: 'Bounced' },
  { key: 'unsubscribed', label: 'Unsubscribed' },
];

/** A nightly run in one of these states needs someone to look at it. */
export const needsAttention = (run: NightlyRun): boolean => run.status === 'FAILED' || run.status === 'STOPPED';
