import { jsonResponse, mockFetch, problemResponse } from '../test/fetchMock';
import type { Call } from '../test/fetchMock';
import type { Guide } from './types';

/** A guide shaped like the sample page, as the admin API returns it. */
export const SAMPLE: Guide = {
  id: 7,
  version: 3,
  status: 'PUBLISHED',
  slug: 'cancer-second-opinion-china',
  locale: 'en',
  title: 'Best hospital for a cancer second opinion in China',
  summary: 'The best hospital is usually **not** the one with the broadest reputation alone.',
  sections: [
    { type: 'BULLETS', heading: 'What Good Fit Looks Like', items: ['Strong department alignment', 'Pathology review'] },
    { type: 'TEXT', heading: 'Why Rankings Are Not Enough', body: 'National reputation may matter.' },
    { type: 'LINKS', heading: 'Related Resources', links: [{ label: 'How We Verify', href: '/guides/how-we-verify' }] },
    { type: 'FAQ', heading: 'FAQ', faqs: [{ question: 'Do rankings decide?', answer: 'No.' }] },
  ],
  disclaimer: 'This page is general information.',
  cta: { text: 'Trying to organize a second opinion?', buttonLabel: 'Join the waitlist', specialty: 'oncology' },
  specialties: ['oncology'],
  medicalReview: { reviewer: 'Dr. Wang', reviewedOn: '2026-11-01', nextReviewDue: '2027-05-01' },
  currentRevision: 4,
  publishedRevision: 3,
  hasUnpublishedChanges: true,
  translations: [],
};

export const REVISIONS = [
  { revision: 4, savedBy: 'ed', savedAt: '2026-11-20T10:00:00Z', note: 'saved' },
  { revision: 3, savedBy: 'ed', savedAt: '2026-11-19T10:00:00Z', note: 'saved' },
];

/** Answers the calls the guide screens make with fetch (specialties, revisions, workflow actions). */
export function mockGuideApi(extra: (call: Call) => Response | undefined = () => undefined) {
  return mockFetch((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.url.startsWith('/api/specialties')) {
      return jsonResponse([{ code: 'oncology', name: 'Oncology', active: true, sortOrder: 10 }]);
    }
    if (call.url.endsWith('/revisions')) return jsonResponse(REVISIONS);
    if (call.url.includes('/revisions/diff')) {
      return jsonResponse({ from: 3, to: 4, changes: [{ path: 'title', change: 'CHANGED', before: 'Old', after: 'New' }] });
    }
    if (call.url.startsWith('/api/auth/me')) return jsonResponse({ username: 'ed', roles: ['EDITOR'] });
    return problemResponse(404, { detail: `unexpected ${call.method} ${call.url}` });
  });
}
