/** An UNCONFIRMED invitation as the API answers it, for the invitation screens' tests. */
export const UNCONFIRMED_INVITATION = {
  id: 42,
  allocationId: 7,
  entryId: 9,
  windowId: 3,
  email: 'ana@example.org',
  fullName: 'Ana Silva',
  windowStartsAt: '2026-12-10T09:00:00Z',
  specialty: 'Oncology',
  allocationStatus: 'HELD',
  status: 'UNCONFIRMED',
  attempts: 1,
  failureReason: 'read timed out',
  failureTransient: false,
  createdAt: '2026-11-24T08:00:00Z',
  updatedAt: '2026-11-24T08:00:00Z',
  resendable: true,
};
