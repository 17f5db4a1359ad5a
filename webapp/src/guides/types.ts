/** The guide page model of the admin API (see ../shared/API.md, "Guide pages"). */
export type GuideStatus = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';

export type SectionType = 'TEXT' | 'BULLETS' | 'LINKS' | 'FAQ';

export interface GuideLink {
  label?: string;
  href?: string;
}

export interface GuideQuestion {
  question?: string;
  answer?: string;
}

/** One section as edited; fields of other types may linger while the type is being changed. */
export interface GuideSection {
  type?: SectionType;
  heading?: string;
  body?: string;
  items?: string[];
  links?: GuideLink[];
  faqs?: GuideQuestion[];
}

export interface GuideContent {
  title?: string;
  summary?: string;
  sections?: GuideSection[];
  disclaimer?: string;
  cta?: { text?: string; buttonLabel?: string; specialty?: string };
  specialties?: string[];
  seoTitle?: string;
  seoDescription?: string;
  relatedGuides?: string[];
  relatedHospitals?: string[];
  medicalReview?: { reviewer?: string; reviewedOn?: string; nextReviewDue?: string };
}

export interface Guide extends GuideContent {
  id: number;
  version: number;
  status: GuideStatus;
  slug: string;
  locale: string;
  currentRevision: number;
  publishedRevision?: number;
  publishedAt?: string;
  publishAt?: string;
  hasUnpublishedChanges: boolean;
  translations?: { id: number; locale: string; slug: string; status: GuideStatus }[];
  updatedAt?: string;
}

export const SECTION_TYPES: { id: SectionType; name: string }[] = [
  { id: 'TEXT', name: 'Text' },
  { id: 'BULLETS', name: 'Bullet list' },
  { id: 'LINKS', name: 'Links' },
  { id: 'FAQ', name: 'FAQ' },
];

export const STATUS_CHOICES: { id: GuideStatus; name: string }[] = [
  { id: 'DRAFT', name: 'Draft' },
  { id: 'IN_REVIEW', name: 'In review' },
  { id: 'PUBLISHED', name: 'Published' },
  { id: 'ARCHIVED', name: 'Archived' },
];

/** The fields a save sends (the server ignores the rest, but keep the requests lean). */
export const CONTENT_FIELDS = [
  'title',
  'summary',
  'sections',
  'disclaimer',
  'cta',
  'specialties',
  'seoTitle',
  'seoDescription',
  'relatedGuides',
  'relatedHospitals',
  'medicalReview',
] as const;

/** "Review due soon": the next medical review falls within this many days (the server uses the same). */
export const REVIEW_DUE_SOON_DAYS = 30;

export function reviewDueSoon(nextReviewDue: string | undefined, today = new Date()): boolean {
  if (!nextReviewDue) return false;
  const due = new Date(`${nextReviewDue}T00:00:00Z`).getTime();
  return due - today.getTime() <= REVIEW_DUE_SOON_DAYS * 24 * 3600 * 1000;
}
