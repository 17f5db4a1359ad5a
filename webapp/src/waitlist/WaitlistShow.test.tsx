import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch } from '../test/fetchMock';
import { fakeDataProvider, renderApp } from '../test/renderApp';

const ENTRY = {
  id: 7, email: 'ana@example.org', fullName: 'Ana Silva', country: 'PT', preferredLanguage: 'pt', timeZone: 'Europe/Lisbon',
  specialties: ['oncology'], sourcePages: ['cancer-second-opinion-china', 'how-we-verify'], status: 'ACTIVE',
  queuedAt: '2026-11-01T10:00:00Z', signupCount: 2, keptApart: false,
  signups: [
    { id: 11, receivedAt: '2026-11-01T10:00:00Z', email: 'Ana.Silva+x@gmail.com', fullName: 'Ana Silva', specialty: 'oncology', sourcePage: 'cancer-second-opinion-china', state: 'CANONICAL' },
    { id: 12, receivedAt: '2026-11-02T10:00:00Z', email: 'anasilva@googlemail.com', fullName: 'Ana Silva', specialty: 'oncology', sourcePage: 'how-we-verify', state: 'DUPLICATE', duplicateOf: 11 },
  ],
  merges: [{ id: 5, entryId: 7, signupId: 12, jobExecutionId: 9, mergedAt: '2026-11-02T11:00:00Z' }],
  possibleDuplicates: [
    { id: 3, entryId: 7, otherEntryId: 8, otherEmail: 'a.silva@example.net', otherFullName: 'Ana Silva', reason: 'same normalized name and country', status: 'OPEN' },
  ],
};

function setup(entry: object = ENTRY) {
  const getOne = vi.fn(async () => ({ data: entry }));
  const fetched = mockFetch(() => jsonResponse({ id: 13 }));
  renderApp('/waitlist/7/show', { roles: ['OPS'], dataProvider: fakeDataProvider({ getOne: getOne as never }) });
  return fetched;
}

afterEach(() => vi.unstubAllGlobals());

describe('WaitlistShow', () => {
  it('shows the person with every sign-up, merge and possible duplicate', async () => {
    setup();
    const signups = await screen.findByRole('table', { name: 'Sign-ups' }, { timeout: 15000 });
    expect(within(signups).getByText('Ana.Silva+x@gmail.com')).toBeInTheDocument();
    expect(within(signups).getByText('DUPLICATE')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Merges' })).getByText('anasilva@googlemail.com')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Possible duplicates' })).getByText(/a.silva@example.net/)).toBeInTheDocument();
  });

  it('undoes a merge only after confirmation', async () => {
    const { calls } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }, { timeout: 15000 }));
    expect(await screen.findByText('Undo this merge?')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }, { timeout: 15000 }));
    await userEvent.click(await screen.findByRole('button', { name: 'Undo merge' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/waitlist/merges/5/undo')).toBe(true));
  });

  it('offers no undo on an erased person', async () => {
    setup({ ...ENTRY, status: 'ERASED', email: undefined, fullName: undefined,
      signups: ENTRY.signups.map((s) => ({ ...s, email: undefined, fullName: undefined })) });
    const merges = await screen.findByRole('table', { name: 'Merges' }, { timeout: 15000 });
    expect(within(merges).getByText('dedupe run 9')).toBeInTheDocument();
    expect(within(merges).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('offers no undo of a merge whose sign-up a later merge moved to another entry', async () => {
    setup({ ...ENTRY, status: 'MERGED', signups: [] });
    const merges = await screen.findByRole('table', { name: 'Merges' }, { timeout: 15000 });
    expect(within(merges).getByText('sign-up 12')).toBeInTheDocument();
    expect(within(merges).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('resolves a possible duplicate', async () => {
    const { calls } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Different people' }, { timeout: 15000 }));
    await waitFor(() => {
      const call = calls.find((c) => c.url === '/api/waitlist/possible-duplicates/3/resolve');
      expect(call?.body).toEqual({ decision: 'DISTINCT' });
    });
  });

  it('erases only when ERASE is typed', async () => {
    const { calls } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Erase personal data' }, { timeout: 15000 }));
    const dialog = await screen.findByRole('dialog');
    const erase = within(dialog).getByRole('button', { name: 'Erase' });
    expect(erase).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Type ERASE'), 'erase');
    expect(erase).toBeDisabled();
    await userEvent.clear(within(dialog).getByLabelText('Type ERASE'));
    await userEvent.type(within(dialog).getByLabelText('Type ERASE'), 'ERASE');
    await userEvent.click(erase);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/waitlist/7/erase')).toBe(true));
  });

  it('downloads the export as a JSON file', async () => {
    const createObjectURL = vi.fn(() => 'blob:export');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const { calls } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Export JSON' }, { timeout: 15000 }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(calls.some((c) => c.method === 'GET' && c.url === '/api/waitlist/7/export')).toBe(true);
  });

  it("shows the person's invitation emails, newest first, each linking to its invitation", async () => {
    const invitation = {
      id: 42, allocationId: 5, entryId: 7, windowId: 3, email: 'ana@example.org', fullName: 'Ana Silva',
      windowStartsAt: '2026-12-10T09:00:00Z', specialty: 'Oncology', allocationStatus: 'HELD', status: 'SENT',
      attempts: 1, sendgridMessageId: 'msg-abc', sentAt: '2026-11-24T08:00:00Z', failureTransient: false,
      delivery: 'delivered', createdAt: '2026-11-24T08:00:00Z', updatedAt: '2026-11-24T08:00:00Z', resendable: false,
    };
    const cancelled = { ...invitation, id: 41, status: 'CANCELLED', sendgridMessageId: undefined, sentAt: undefined,
      delivery: undefined, failureReason: 'the seat was declined before the invitation was sent' };
    const { calls } = mockFetch((call) =>
      call.url.startsWith('/api/invitations?')
        ? jsonResponse([invitation, cancelled], 200, { 'X-Total-Count': '2' })
        : jsonResponse(ENTRY),
    );
    renderApp('/waitlist/7/show', { roles: ['OPS'], dataProvider: createDataProvider() });

    const link = await screen.findByRole('link', { name: '#42' }, { timeout: 15000 });
    expect(link).toHaveAttribute('href', '/invitations/42/show');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('SENT')).toBeInTheDocument();
    expect(within(row).getByText('delivered')).toBeInTheDocument();
    expect(within(row).getByText('msg-abc')).toBeInTheDocument();
    const other = screen.getByRole('link', { name: '#41' }).closest('tr') as HTMLElement;
    expect(within(other).getByText('CANCELLED')).toBeInTheDocument();
    expect(within(other).getByText(/declined before the invitation was sent/)).toBeInTheDocument();
    const query = calls.find((c) => c.url.startsWith('/api/invitations?'))!.url;
    expect(Object.fromEntries(new URLSearchParams(query.slice(query.indexOf('?') + 1)))).toMatchObject({
      entryId: '7',
      sort: 'id,desc',
    });
  });

  it('says so when nobody has been invited yet', async () => {
    setup();
    expect(await screen.findByText('No invitation sent to this person.', {}, { timeout: 15000 })).toBeInTheDocument();
  });

  it("shows the person's seats with their window, status and hold deadline", async () => {
    const held = {
      id: 5, entryId: 7, windowId: 3, status: 'HELD', allocatedAt: '2026-11-24T02:05:00+08:00', allocatedBy: 'job:12',
      holdExpiresAt: '2026-11-29T08:00:00+08:00', windowStartsAt: '2026-12-10T09:00:00+08:00', fullName: 'Ana Silva',
    };
    const declined = { ...held, id: 4, windowId: 2, status: 'DECLINED', holdExpiresAt: undefined,
      windowStartsAt: '2026-12-01T09:00:00+08:00', releasedAt: '2026-11-20T10:00:00+08:00', releasedBy: 'ops1',
      releaseReason: 'cannot travel then' };
    const { calls } = mockFetch((call) =>
      call.url.startsWith('/api/allocations?') ? jsonResponse([held, declined]) : call.url.startsWith('/api/invitations?')
        ? jsonResponse([], 200, { 'X-Total-Count': '0' }) : jsonResponse(ENTRY),
    );
    renderApp('/waitlist/7/show', { roles: ['OPS'], dataProvider: createDataProvider() });

    const link = await screen.findByRole('link', { name: '#3 2026-12-10 09:00' }, { timeout: 15000 });
    expect(link).toHaveAttribute('href', '/windows/3/show');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('HELD')).toBeInTheDocument();
    expect(within(row).getByText('2026-11-29 08:00')).toBeInTheDocument();
    const other = screen.getByRole('link', { name: '#2 2026-12-01 09:00' }).closest('tr') as HTMLElement;
    expect(within(other).getByText('DECLINED')).toBeInTheDocument();
    expect(within(other).getByText('cannot travel then')).toBeInTheDocument();
    const query = calls.find((c) => c.url.startsWith('/api/allocations?'))!.url;
    expect(new URLSearchParams(query.slice(query.indexOf('?') + 1)).get('entryId')).toBe('7');
  });

  it('says so when the person never had a seat', async () => {
    setup();
    expect(await screen.findByText('No seat allocated to this person.', {}, { timeout: 15000 })).toBeInTheDocument();
  });

  it('shows the list row while the detail loads, without sign-ups yet', async () => {
    const { signups: _signups, merges: _merges, possibleDuplicates: _pairs, ...row } = ENTRY;
    const getOne = vi.fn(async () => ({ data: row }));
    renderApp('/waitlist/7/show', { roles: ['OPS'], dataProvider: fakeDataProvider({ getOne: getOne as never }) });
    expect(await screen.findByText('Sign-ups (0)', {}, { timeout: 15000 })).toBeInTheDocument();
    expect(screen.getByText('No merges.')).toBeInTheDocument();
  });
});
