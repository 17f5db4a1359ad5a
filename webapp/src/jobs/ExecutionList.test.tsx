import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, setCookie } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';
import { execution, job } from './fixtures';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => vi.unstubAllGlobals());

const EXECUTIONS = [
  execution({ executionId: 9, status: 'FAILED', exitCode: 'FAILED', recoveredAt: '2026-11-24T03:00:00+08:00', steps: [] }),
  execution({ executionId: 8, jobName: 'reportExportJob', durationMillis: 850, launchedBy: 'scheduler', steps: [] }),
];

function executionsApi(executions: unknown[] = EXECUTIONS) {
  const fetch = mockFetch((call) => {
    const path = new URL(call.url, 'http://localhost').pathname;
    if (path === '/api/jobs') return jsonResponse([job()], 200, { 'X-Total-Count': '1' });
    if (path === '/api/jobs/executions') {
      return jsonResponse(executions, 200, { 'X-Total-Count': String(executions.length ? 41 : 0) });
    }
    return jsonResponse(execution({ executionId: Number(path.split('/').pop()) }));
  });
  const listQueries = () =>
    fetch.calls
      .filter((c) => c.url.startsWith('/api/jobs/executions?'))
      .map((c) => new URLSearchParams(c.url.slice(c.url.indexOf('?') + 1)));
  return { ...fetch, listQueries };
}

describe('ExecutionList', () => {
  it('lists the newest executions first with status, crash recovery and duration', async () => {
    const api = executionsApi();
    renderApp('/executions', { roles: ['OPS'], dataProvider: createDataProvider() });

    const failed = (await screen.findByText('Recovered after a crash')).closest('tr') as HTMLElement;
    expect(within(failed).getByText('nightlyInvitationJob')).toBeInTheDocument();
    expect(within(failed).getByText('FAILED')).toBeInTheDocument();
    expect(within(failed).getByText('4 min 05 s')).toBeInTheDocument();
    const completed = screen.getByText('reportExportJob').closest('tr') as HTMLElement;
    expect(within(completed).getByText('COMPLETED')).toBeInTheDocument();
    expect(within(completed).getByText('850 ms')).toBeInTheDocument();
    expect(within(completed).queryByText('Recovered after a crash')).not.toBeInTheDocument();
    expect(screen.getByText(/1.25 of 41/)).toBeInTheDocument();

    const query = api.listQueries()[0];
    expect(Object.fromEntries(query)).toEqual({ page: '0', size: '25', sort: 'executionId,desc' });
  });

  it('sends the job, status and date filters and the chosen sort to the API', async () => {
    const api = executionsApi();
    const filter = { jobName: 'nightlyInvitationJob', status: 'FAILED', from: '2026-11-01', to: '2026-11-24' };
    renderApp(`/executions?filter=${encodeURIComponent(JSON.stringify(filter))}`, {
      roles: ['OPS'],
      dataProvider: createDataProvider(),
    });
    await screen.findByText('Recovered after a crash');
    expect(Object.fromEntries(api.listQueries()[0])).toMatchObject(filter);

    await userEvent.click(within(screen.getByRole('columnheader', { name: 'Started' })).getByText('Started'));
    await waitFor(() => expect(api.listQueries().at(-1)?.get('sort')).toMatch(/^startTime,/));
    expect(Object.fromEntries(api.listQueries().at(-1) ?? [])).toMatchObject(filter);
  });

  it('opens an execution from its row', async () => {
    executionsApi();
    renderApp('/executions', { roles: ['OPS'], dataProvider: createDataProvider() });
    await userEvent.click(await screen.findByText('reportExportJob'));
    expect(await screen.findByText('nightlyInvitationJob · execution #8')).toBeInTheDocument();
  });

  it('has an empty state leading to the catalogue', async () => {
    executionsApi([]);
    renderApp('/executions', { roles: ['OPS'], dataProvider: createDataProvider() });
    expect(await screen.findByText('No executions yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Go to the job catalogue/ })).toHaveAttribute('href', '/jobs');
  });
});
