import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, setCookie } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => vi.unstubAllGlobals());

const ENTRIES = [
  {
    id: 12,
    occurredAt: '2026-11-24T09:15:00Z',
    actor: 'ed',
    action: 'SignInFailed',
    module: 'security',
    remoteAddress: '10.1.2.3',
    details: '{"username":"ed","remoteAddress":"10.1.2.3"}',
  },
  { id: 11, occurredAt: '2026-11-24T09:00:00Z', actor: 'admin', action: 'SignedIn', module: 'security', remoteAddress: null, details: '{}' },
];

function auditApi(entries: unknown[] = ENTRIES) {
  const fetch = mockFetch((call) => {
    const path = new URL(call.url, 'http://localhost').pathname;
    if (path === '/api/audit/facets') {
      return jsonResponse({ actions: ['AccountLocked', 'SignInFailed', 'SignedIn'], modules: ['mail', 'security'] });
    }
    return jsonResponse(entries, 200, { 'X-Total-Count': String(entries.length) });
  });
  const listQueries = () =>
    fetch.calls
      .filter((c) => c.url.startsWith('/api/audit?'))
      .map((c) => Object.fromEntries(new URLSearchParams(c.url.slice(c.url.indexOf('?') + 1))));
  return { ...fetch, listQueries };
}

describe('AuditList', () => {
  it('lists the newest entries first with who, what, module and address', async () => {
    const api = auditApi();
    renderApp('/audit', { dataProvider: createDataProvider() });

    const row = (await screen.findByText('SignInFailed')).closest('tr') as HTMLElement;
    expect(within(row).getByText('ed')).toBeInTheDocument();
    expect(within(row).getByText('security')).toBeInTheDocument();
    expect(within(row).getByText('10.1.2.3')).toBeInTheDocument();
    for (const name of [/When/, /Who/, /Action/, /Module/, /From address/]) {
      expect(screen.getByRole('columnheader', { name })).toBeInTheDocument();
    }
    expect(api.listQueries()[0]).toEqual({ page: '0', size: '25', sort: 'occurredAt,desc' });
  });

  it('sends every filter to the API', async () => {
    const api = auditApi();
    const filter = { q: 'ed@', actor: 'ed', action: 'SignInFailed', module: 'security', from: '2026-11-01', to: '2026-11-24' };
    renderApp(`/audit?filter=${encodeURIComponent(JSON.stringify(filter))}`, { dataProvider: createDataProvider() });
    await screen.findByText('SignInFailed', { selector: 'td span' });
    expect(api.listQueries()[0]).toMatchObject(filter);
  });

  it('offers the actions and modules from the facets and filters by the one picked', async () => {
    const api = auditApi();
    renderApp('/audit', { dataProvider: createDataProvider() });
    await screen.findByText('SignInFailed', { selector: 'td span' });

    await userEvent.click(screen.getByRole('combobox', { name: 'Action' }));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining(['AccountLocked', 'SignInFailed', 'SignedIn']));
    await userEvent.click(screen.getByRole('option', { name: 'AccountLocked' }));
    await waitFor(() => expect(api.listQueries().at(-1)).toMatchObject({ action: 'AccountLocked' }));

    await userEvent.click(screen.getByRole('combobox', { name: 'Module' }));
    await userEvent.click(await screen.findByRole('option', { name: 'mail' }));
    await waitFor(() => expect(api.listQueries().at(-1)).toMatchObject({ action: 'AccountLocked', module: 'mail' }));
  });

  it('sorts by who when that column is clicked', async () => {
    const api = auditApi();
    renderApp('/audit', { dataProvider: createDataProvider() });
    await screen.findByText('SignInFailed', { selector: 'td span' });
    await userEvent.click(screen.getByRole('button', { name: /Sort by who/i }));
    await waitFor(() => expect(api.listQueries().at(-1)).toMatchObject({ sort: 'actor,asc' }));
  });

  it('shows the details pretty-printed when a row is expanded', async () => {
    auditApi();
    renderApp('/audit', { dataProvider: createDataProvider() });
    const row = (await screen.findByText('SignInFailed', { selector: 'td span' })).closest('tr') as HTMLElement;
    await userEvent.click(within(row).getByLabelText('Expand'));
    const details = await screen.findByLabelText('Details');
    expect(details.textContent).toBe('{\n  "username": "ed",\n  "remoteAddress": "10.1.2.3"\n}');
  });

  it('says so when nothing has been recorded yet', async () => {
    auditApi([]);
    renderApp('/audit', { dataProvider: createDataProvider() });
    expect(await screen.findByText('No audit entries yet')).toBeInTheDocument();
  });
});
