/** Names and wording shared by the hospital screens. */

/** The fields a profile is written with; status and verification have their own actions. */
export const HOSPITAL_FIELDS = [
  'slug',
  'name',
  'localName',
  'city',
  'province',
  'grade',
  'website',
  'internationalDesk',
  'departments',
  'fit',
  'redFlagsObserved',
] as const;

export const STATUS_CHOICES = [
  { id: 'UNVERIFIED', name: 'Unverified' },
  { id: 'IN_VERIFICATION', name: 'In verification' },
  { id: 'VERIFIED', name: 'Verified' },
  { id: 'EXPIRED', name: 'Expired' },
  { id: 'SUSPENDED', name: 'Suspended' },
];

export const METHOD_CHOICES = [
  { id: 'SITE_VISIT', name: 'Site visit' },
  { id: 'VIDEO_CALL', name: 'Video call' },
  { id: 'DOCUMENT_CHECK', name: 'Document check' },
  { id: 'PHONE', name: 'Phone' },
];

export const FOLLOW_UP_CHOICES = [
  { id: 'EMAIL', name: 'Email' },
  { id: 'VIDEO', name: 'Video call' },
  { id: 'MESSAGING', name: 'Messaging (e.g. WeChat)' },
  { id: 'PHONE', name: 'Phone' },
  { id: 'NONE', name: 'No follow-up offered' },
];

export const EXPIRING_CHOICES = [
  { id: 30, name: 'Within 30 days' },
  { id: 60, name: 'Within 60 days' },
  { id: 90, name: 'Within 90 days' },
];

/** Days ahead that count as "due for re-verification" (the expiry job uses the same). */
export const DUE_WITHIN_DAYS = 30;

/** The fit criteria of the cancer second-opinion guide, worded as the guide asks them. */
export const FIT_CRITERIA = [
  {
    source: 'outsidePathologyReview',
    label: 'Outside pathology review',
    helper: 'Can outside pathology be reviewed directly, not just a summary note?',
  },
  {
    source: 'imagingReviewDicom',
    label: 'Imaging review (DICOM)',
    helper: 'Can outside imaging be reviewed directly from the DICOM files?',
  },
  {
    source: 'multidisciplinaryTeam',
    label: 'Multidisciplinary team / tumour board',
    helper: 'A defined process for multidisciplinary input where relevant',
  },
  {
    source: 'translatedWrittenSummary',
    label: 'Translated written summary',
    helper: 'Will the patient receive a translated written summary?',
  },
  {
    source: 'remoteRecordTriage',
    label: 'Remote record triage before travel',
    helper: 'Can the records be reviewed remotely before the patient travels?',
  },
] as const;

/** The red flags the guide warns about, offered as a reminder when recording observations. */
export const RED_FLAG_HINT =
  'e.g. no clarity on which department would review the case; opinion offered before records are reviewed; ' +
  'no pathology or imaging access; no translated written summary; pressure to travel before remote triage';

export function statusLabel(status: string | undefined): string {
  return STATUS_CHOICES.find((c) => c.id === status)?.name ?? status ?? '';
}

export function methodLabel(method: string | undefined): string {
  return METHOD_CHOICES.find((c) => c.id === method)?.name ?? method ?? '';
}
