import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, setCookie } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';
import { report } from './fixtures';
import type { ReportView } from './reportsApi';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Answers GET of report 17 with `views` in turn (the last one repeats). */
function reportApi(views: ReportView[]) {
  let reads = 0;
  const fetch = mockFetch((call) =>
    call.url === '/api/reports/17' ? jsonResponse(views[Math.min(reads++, views.length - 1)]) : jsonResponse([], 200, { 'X-Total-Count': '0' }),
  );
  return { ...fetch, reads: () => fetch.calls.filter((c) => c.url === '/api/reports/17').length };
}

const pending = (status: 'QUEUED' | 'RUNNING') =>
  report({ status, completedAt: null, fileName: null, sizeBytes: null, rowCount: null });

describe('ReportShow', () => {
  it('follows a report until it can be downloaded, then stops reading it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = reportApi([pending('QUEUED'), pending('RUNNING'), report()]);
    renderApp('/reports/17/show', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });

    expect(await screen.findByText('Waiting for its turn')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Waitlist funnel · /);
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await screen.findByText('Being produced')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await screen.findByRole('button', { name: 'Download' })).toBeInTheDocument();
    expect(screen.getByText('waitlist-funnel-2026-11-16-to-2026-11-22.xlsx')).toBeInTheDocument();

    const readsWhenDone = api.reads();
    await act(() => vi.advanceTimersByTimeAsync(6000));
    expect(api.reads()).toBe(readsWhenDone);
  });

  it('explains a failure clearly and offers no download', async () => {
    reportApi([report({ status: 'FAILED', fileName: null, sizeBytes: null, error: 'Report archive folder is not writable' })]);
    renderApp('/reports/17/show', { roles: ['OPS'], dataProvider: createDataProvider() });
    expect(await screen.findByRole('alert')).toHaveTextContent('The report could not be produced: Report archive folder is not writable');
    expect(screen.queryByRole('button', { name: 'Download' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Execution #42' })).toHaveAttribute('href', '/executions/42/show');
  });

  it('says when the weekly funnel was mailed to leadership, and to how many', async () => {
    reportApi([report({ scheduled: true, mailedAt: '2026-11-23T07:00:12Z', mailedRecipients: 3 })]);
    renderApp('/reports/17/show', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    expect(await screen.findByText('Mailed to leadership')).toBeInTheDocument();
    expect(screen.getByText(/ to 3 recipients$/)).toHaveTextContent(new Date('2026-11-23T07:00:12Z').toLocaleString());
  });

  it('says nothing of mail for a report that was not mailed', async () => {
    reportApi([report()]);
    renderApp('/reports/17/show', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    expect(await screen.findByRole('button', { name: 'Download' })).toBeInTheDocument();
    expect(screen.queryByText('Mailed to leadership')).not.toBeInTheDocument();
  });

  it('links the job run for ops only', async () => {
    reportApi([report()]);
    renderApp('/reports/17/show', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    expect(await screen.findByRole('button', { name: 'Download' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Execution #42' })).not.toBeInTheDocument();
  });
});
