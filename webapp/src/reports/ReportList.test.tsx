import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, problemResponse, setCookie } from '../test/fetchMock';
import type { Call } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';
import { fileResponse, report } from './fixtures';
import type { ReportView } from './reportsApi';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const ARCHIVE = [
  report({ id: 19, status: 'RUNNING', completedAt: null, fileName: null, sizeBytes: null, rowCount: null, requestedBy: 'ops-anna' }),
  report({ id: 18, status: 'FAILED', completedAt: null, fileName: null, sizeBytes: null, rowCount: null, error: 'Disk full' }),
  report({ id: 17, requestedBy: 'scheduler', scheduled: true }),
];

/** Answers the archive with `pages` in turn (the last one repeats) and the workbook of report 17. */
function reportsApi(pages: ReportView[][] = [ARCHIVE], file: (call: Call) => Response = () => fileResponse('waitlist-funnel-2026-11-16-to-2026-11-22.xlsx')) {
  let reads = 0;
  const fetch = mockFetch((call) => {
    const path = new URL(call.url, 'http://localhost').pathname;
    if (path === '/api/reports') {
      const page = pages[Math.min(reads++, pages.length - 1)];
      return jsonResponse(page, 200, { 'X-Total-Count': String(page.length) });
    }
    if (path === '/api/reports/17/file') return file(call);
    return jsonResponse(report({ id: Number(path.split('/').pop()) }));
  });
  const listQueries = () =>
    fetch.calls
      .filter((c) => c.url.startsWith('/api/reports?'))
      .map((c) => new URLSearchParams(c.url.slice(c.url.indexOf('?') + 1)));
  return { ...fetch, listQueries };
}

const row = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

describe('ReportList', () => {
  it('lists the archive newest first with type, status, period, requester, time and size', async () => {
    const api = reportsApi();
    renderApp('/reports', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });

    expect(await screen.findByText('scheduler')).toBeInTheDocument();
    const completed = row('scheduler');
    expect(within(completed).getByText('Waitlist funnel')).toBeInTheDocument();
    expect(within(completed).getByText('COMPLETED')).toBeInTheDocument();
    expect(within(completed).getByText('weekly schedule')).toBeInTheDocument();
    expect(within(completed).getByText(/Nov 16, 2026|16 Nov 2026/)).toBeInTheDocument();
    expect(within(completed).getByText('47 KB')).toBeInTheDocument();
    expect(within(completed).getByText('1,200 rows')).toBeInTheDocument();
    expect(within(completed).getByRole('button', { name: 'Download' })).toBeInTheDocument();

    const failed = row('Failed: Disk full');
    expect(within(failed).getByText('FAILED')).toBeInTheDocument();
    expect(within(failed).queryByRole('button', { name: 'Download' })).not.toBeInTheDocument();

    const running = row('ops-anna');
    expect(within(running).getByRole('progressbar', { name: 'Report 19 in progress' })).toBeInTheDocument();
    expect(within(running).getByText('Being produced')).toBeInTheDocument();
    expect(within(running).queryByRole('button', { name: 'Download' })).not.toBeInTheDocument();

    expect(Object.fromEntries(api.listQueries()[0])).toEqual({ page: '0', size: '25', sort: 'requestedAt,desc' });
  });

  it('shows a withdrawn report as such, with why, and offers no download', async () => {
    const withdrawn = report({
      id: 21,
      type: 'WAITLIST_DETAIL',
      status: 'WITHDRAWN',
      requestedBy: 'ops-bea',
      withdrawnAt: '2026-12-07T02:00:00Z',
      withdrawalReason: 'it held personal data of a person who was erased',
    });
    reportsApi([[withdrawn, ARCHIVE[2]]]);
    renderApp('/reports', { roles: ['OPS'], dataProvider: createDataProvider() });

    const row21 = (await screen.findByText('ops-bea')).closest('tr') as HTMLElement;
    expect(within(row21).getByText('WITHDRAWN')).toBeInTheDocument();
    expect(within(row21).getByText(/Withdrawn .*: it held personal data of a person who was erased/)).toBeInTheDocument();
    expect(within(row21).queryByRole('button', { name: 'Download' })).not.toBeInTheDocument();
    expect(within(row('scheduler')).getByRole('button', { name: 'Download' })).toBeInTheDocument();
  });

  it('reads the archive again while a report is produced and stops once all are done', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const queued = report({ id: 20, status: 'QUEUED', completedAt: null, fileName: null, sizeBytes: null, rowCount: null, requestedBy: 'leader2' });
    const api = reportsApi([[queued], [{ ...queued, status: 'RUNNING' }], [report({ id: 20, requestedBy: 'leader2' })]]);
    renderApp('/reports', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });

    expect(await screen.findByText('Waiting for its turn')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await screen.findByText('Being produced')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await within(row('leader2')).findByRole('button', { name: 'Download' })).toBeInTheDocument();

    const readsWhenDone = api.listQueries().length;
    await act(() => vi.advanceTimersByTimeAsync(6000));
    expect(api.listQueries().length).toBe(readsWhenDone);
  });

  it('sends the type and status filters and the chosen sort', async () => {
    const api = reportsApi();
    const filter = { type: 'WAITLIST_FUNNEL', status: 'COMPLETED' };
    renderApp(`/reports?filter=${encodeURIComponent(JSON.stringify(filter))}`, { roles: ['OPS'], dataProvider: createDataProvider() });
    await screen.findByText('scheduler');
    expect(Object.fromEntries(api.listQueries()[0])).toMatchObject(filter);

    await userEvent.click(within(screen.getByRole('columnheader', { name: 'Period' })).getByText('Period'));
    await waitFor(() => expect(api.listQueries().at(-1)?.get('sort')).toMatch(/^periodStart,/));
    expect(Object.fromEntries(api.listQueries().at(-1) ?? [])).toMatchObject(filter);
  });

  it('offers leadership only the types it may see in the type filter', async () => {
    reportsApi();
    renderApp('/reports', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    await screen.findByText('scheduler');
    await userEvent.click(screen.getByRole('combobox', { name: 'Type' }));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['All types', 'Waitlist funnel']);
  });

  it('downloads a completed report with the session, saved under its archive name', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:report');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const api = reportsApi();
    renderApp('/reports', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });

    await userEvent.click(within(await waitFor(() => row('scheduler'))).getByRole('button', { name: 'Download' }));

    await waitFor(() => expect(saved).toEqual(['waitlist-funnel-2026-11-16-to-2026-11-22.xlsx']));
    expect(await createObjectURL.mock.calls[0][0].text()).toBe('PK\u0003\u0004');
    expect(api.calls.find((c) => c.url === '/api/reports/17/file')?.method).toBe('GET');
    expect(await screen.findByText('Downloaded waitlist-funnel-2026-11-16-to-2026-11-22.xlsx')).toBeInTheDocument();
    // the click downloads; it does not open the report
    expect(api.calls.some((c) => c.url === '/api/reports/17')).toBe(false);
  });

  it.each([
    [403, 'This report holds personal data'],
    [409, 'Report 17 is RUNNING; its file is there once it is COMPLETED'],
  ])('says why a download was refused (%i)', async (status, detail) => {
    reportsApi([ARCHIVE], () => problemResponse(status, { title: 'Refused', detail }));
    renderApp('/reports', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    await userEvent.click(within(await waitFor(() => row('scheduler'))).getByRole('button', { name: 'Download' }));
    expect(await screen.findByText(detail)).toBeInTheDocument();
  });

  it('has an empty state leading to a new report', async () => {
    reportsApi([[]]);
    renderApp('/reports', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    expect(await screen.findByText('No reports yet')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /New report/ })[0]).toHaveAttribute('href', '/reports/create');
  });
});
