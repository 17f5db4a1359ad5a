/** A complete profile as the admin API returns it, for the hospital screen tests. */
export const RIVERSIDE = {
  id: 7,
  version: 3,
  slug: 'riverside-cancer-hospital',
  name: 'Riverside Cancer Hospital',
  localName: '河畔肿瘤医院',
  city: 'Shanghai',
  province: 'Shanghai',
  grade: 'Grade 3A',
  website: 'https://riverside.example',
  internationalDesk: { email: 'desk@riverside.example', phone: '+86 21 0000', wechat: 'riverside', languages: ['en', 'zh'], notes: 'Ask for Ms. Li' },
  departments: [{ name: 'Thoracic Oncology', specialties: ['oncology', 'lung-cancer'], notes: 'Strong MDT' }],
  specialties: ['lung-cancer', 'oncology'],
  fit: {
    outsidePathologyReview: true,
    imagingReviewDicom: true,
    multidisciplinaryTeam: false,
    translatedWrittenSummary: true,
    summaryLanguages: ['en'],
    remoteRecordTriage: true,
    followUpChannel: 'EMAIL',
    recordsRequired: ['Pathology report'],
  },
  redFlagsObserved: ['Slow replies'],
  status: 'VERIFIED',
  latestVerification: { id: 12, verifiedOn: '2026-11-01', expiresOn: '2027-11-01', method: 'SITE_VISIT', verifier: 'Dr. Wang' },
  updatedAt: '2026-11-02T10:00:00Z',
};

export const SPECIALTIES = [
  { code: 'oncology', name: 'Oncology (cancer second opinion)', active: true, sortOrder: 10 },
  { code: 'lung-cancer', name: 'Lung cancer', active: true, sortOrder: 30 },
];

export const VERIFICATIONS = [
  {
    id: 12, hospitalId: 7, verifiedOn: '2026-11-01', expiresOn: '2027-11-01', method: 'SITE_VISIT', verifier: 'Dr. Wang',
    notes: 'Met the desk', recordedBy: 'ed', recordedAt: '2026-11-01T10:00:00Z',
    evidence: [{ id: 5, verificationId: 12, fileName: 'visit-report.pdf', contentType: 'application/pdf', sizeBytes: 2048, sha256: 'ab', uploadedBy: 'ed', uploadedAt: '2026-11-01T10:00:00Z' }],
  },
  {
    id: 9, hospitalId: 7, verifiedOn: '2025-10-01', expiresOn: '2026-10-01', method: 'PHONE', verifier: 'Ms. Zhao',
    recordedBy: 'ed', recordedAt: '2025-10-01T10:00:00Z', evidence: [],
  },
];
