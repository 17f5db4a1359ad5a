import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, problemResponse, setCookie } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => vi.unstubAllGlobals());

const SUPPRESSIONS = [
  { email: 'gone@example.com', reason: 'BOUNCED', note: null, source: 'sendgrid', createdAt: '2026-11-24T08:00:00Z' },
  { email: 'no+mail@example.com', reason: 'MANUAL', note: 'asked by phone', source: 'ops:ed', createdAt: '2026-11-23T08:00:00Z' },
];

function suppressionsApi(options: { suppressions?: unknown[]; deleteResponse?: () => Response } = {}) {
  const suppressions = options.suppressions ?? SUPPRESSIONS;
  const fetch = mockFetch((call) => {
    if (call.method === 'DELETE') return options.deleteResponse?.() ?? new Response(null, { status: 204 });
    return jsonResponse(suppressions, 200, { 'X-Total-Count': String(suppressions.length) });
  });
  const listQueries = () =>
    fetch.calls
      .filter((c) => c.method === 'GET' && c.url.startsWith('/api/mail/suppressions?'))
      .map((c) => Object.fromEntries(new URLSearchParams(c.url.slice(c.url.indexOf('?') + 1))));
  const deletes = () => fetch.calls.filter((c) => c.method === 'DELETE');
  return { ...fetch, listQueries, deletes };
}

async function openRemoveDialog(email: string) {
  const row = (await screen.findByText(email)).closest('tr') as HTMLElement;
  await userEvent.click(within(row).getByRole('button', { name: `Remove ${email}` }));
  return screen.findByRole('dialog');
}

describe('SuppressionList', () => {
  it('lists addresses with reason chips, newest first', async () => {
    const api = suppressionsApi();
    renderApp('/suppressions', { roles: ['OPS'], dataProvider: createDataProvider() });
    const row = (await screen.findByText('no+mail@example.com')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Added by ops')).toBeInTheDocument();
    expect(within(row).getByText('asked by phone')).toBeInTheDocument();
    expect(within(screen.getByText('gone@example.com').closest('tr') as HTMLElement).getByText('Bounced')).toBeInTheDocument();
    expect(api.listQueries()[0]).toEqual({ page: '0', size: '25', sort: 'createdAt,desc' });
  });

  it('sends the reason and search filters', async () => {
    const api = suppressionsApi();
    renderApp('/suppressions', { roles: ['OPS'], dataProvider: createDataProvider() });
    await screen.findByText('gone@example.com');
    await userEvent.click(screen.getByRole('combobox', { name: 'Reason' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Spam report' }));
    await waitFor(() => expect(api.listQueries().at(-1)).toMatchObject({ reason: 'SPAM_REPORT' }));
    await userEvent.type(screen.getByPlaceholderText('Search email'), 'gone');
    await waitFor(() => expect(api.listQueries().at(-1)).toMatchObject({ reason: 'SPAM_REPORT', q: 'gone' }), { timeout: 3000 });
  });

  it('removes an address only with a note, which it sends to the server', async () => {
    const api = suppressionsApi();
    renderApp('/suppressions', { roles: ['OPS'], dataProvider: createDataProvider() });
    const dialog = await openRemoveDialog('no+mail@example.com');
    const confirm = within(dialog).getByRole('button', { name: 'Remove from list' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText(/Why may this address be emailed again/), '   ');
    expect(confirm).toBeDisabled();

    await userEvent.type(within(dialog).getByLabelText(/Why may this address be emailed again/), 'she subscribed again');
    await userEvent.click(confirm);
    await waitFor(() => expect(api.deletes()).toHaveLength(1));
    const call = api.deletes()[0];
    const url = new URL(call.url, 'http://localhost');
    expect(url.pathname).toBe('/api/mail/suppressions/no%2Bmail%40example.com');
    expect(url.searchParams.get('note')).toBe('she subscribed again');
    expect(call.headers['x-xsrf-token']).toBe('tok');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('keeps the dialog open with the server message when removal fails', async () => {
    suppressionsApi({
      deleteResponse: () =>
        problemResponse(400, { detail: 'Invalid input', errors: [{ field: 'note', message: 'say why the address may be emailed again' }] }),
    });
    renderApp('/suppressions', { roles: ['OPS'], dataProvider: createDataProvider() });
    const dialog = await openRemoveDialog('gone@example.com');
    await userEvent.type(within(dialog).getByLabelText(/Why may this address be emailed again/), 'x');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove from list' }));
    expect(await within(dialog).findByText('say why the address may be emailed again')).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows an empty state offering to add an address', async () => {
    suppressionsApi({ suppressions: [] });
    renderApp('/suppressions', { roles: ['OPS'], dataProvider: createDataProvider() });
    expect(await screen.findByText('No suppressed addresses')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /Suppress an address/ }).length).toBeGreaterThan(0);
  });
});
