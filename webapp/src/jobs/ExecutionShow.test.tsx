import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, problemResponse, setCookie } from '../test/fetchMock';
import type { Call } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';
import { execution, step } from './fixtures';
import { canAbandon, canRestart, canStop } from './jobsApi';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Answers GET of execution 5 with `views` in turn (the last one repeats); `post` answers the operations. */
function executionApi(views: ReturnType<typeof execution>[], post: (call: Call) => Response = () => jsonResponse(undefined, 202)) {
  let reads = 0;
  const fetch = mockFetch((call) => {
    if (call.method === 'POST') return post(call);
    if (call.url === '/api/jobs/executions/5') return jsonResponse(views[Math.min(reads++, views.length - 1)]);
    return jsonResponse([], 200, { 'X-Total-Count': '0' });
  });
  const executionReads = () => fetch.calls.filter((c) => c.method === 'GET' && c.url === '/api/jobs/executions/5').length;
  return { ...fetch, executionReads };
}

const running = (done: number) =>
  execution({
    status: 'STARTED',
    endTime: null,
    exitCode: 'UNKNOWN',
    progress: { done, total: 30, percent: Math.floor((done * 100) / 30) },
    steps: [step({ status: 'STARTED', readCount: done, writeCount: done, endTime: null })],
  });

const button = (name: string) => screen.getByRole('button', { name });

async function confirm(name: string, confirmLabel: string) {
  await userEvent.click(button(name));
  await userEvent.click(await screen.findByRole('button', { name: confirmLabel }));
}

describe('ExecutionShow', () => {
  it('polls every second while the execution runs and stops once it has finished', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = executionApi([running(10), running(20), execution()]);
    renderApp('/executions/5/show', { roles: ['OPS'], dataProvider: createDataProvider() });

    expect(await screen.findByText('10 / 30 items (33 %)')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '33');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(await screen.findByText('20 / 30 items (66 %)')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(await screen.findByText('30 / 30 items (100 %)')).toBeInTheDocument();
    expect(screen.getAllByText('COMPLETED').length).toBeGreaterThan(0);

    const readsWhenFinished = api.executionReads();
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(api.executionReads()).toBe(readsWhenFinished);
  });

  it('shows an indeterminate bar when the job does not know how many items it has', async () => {
    executionApi([execution({ status: 'STARTING', endTime: null, progress: { done: 0, total: null, percent: null }, steps: [] })]);
    renderApp('/executions/5/show', { roles: ['OPS'], dataProvider: createDataProvider() });

    expect(await screen.findByText('0 items read so far')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Progress' })).not.toHaveAttribute('aria-valuenow');
    expect(screen.getByText('No step has started yet.')).toBeInTheDocument();
  });

  it('shows the header, parameters, steps with their counts and a failure in a readable block', async () => {
    const trace = 'java.lang.IllegalStateException: mail server down\n\tat com.jadecrane.invitations.Sender.send(Sender.java:42)';
    executionApi([
      execution({
        status: 'FAILED',
        exitCode: 'FAILED',
        exitDescription: trace,
        recoveredAt: '2026-11-24T03:00:00+08:00',
        steps: [step({ status: 'FAILED', exitCode: 'FAILED', exitMessage: trace })],
      }),
    ]);
    renderApp('/executions/5/show', { roles: ['OPS'], dataProvider: createDataProvider() });

    expect(await screen.findByText('nightlyInvitationJob · execution #5')).toBeInTheDocument();
    expect(screen.getByText('ops-anna')).toBeInTheDocument();
    expect(screen.getByText('dryRun')).toBeInTheDocument();
    expect(screen.queryByText('launchedBy')).not.toBeInTheDocument();
    expect(screen.getByText('Recovered after a crash')).toBeInTheDocument();
    expect(screen.getByLabelText('Exit description')).toHaveTextContent('mail server down');
    const steps = screen.getByRole('table', { name: 'Steps' });
    const headers = Array.from(steps.querySelectorAll('th')).map((th) => th.textContent);
    expect(headers).toEqual(['Step', 'Status', 'Read', 'Write', 'Skip', 'Filter', 'Commit', 'Rollback', 'Duration', 'Exit message']);
    const cells = Array.from(steps.querySelectorAll('tbody td')).map((td) => td.textContent);
    expect(cells.slice(0, 9)).toEqual(['invitationStep', 'FAILED', '30 / 30', '28', '2', '1', '6', '0', '4 min 05 s']);
    expect(screen.getByLabelText('Exit message of invitationStep')).toHaveTextContent('Sender.java:42');
  });

  it.each([
    ['STARTED', { Stop: true, Restart: false, Abandon: false }],
    ['FAILED', { Stop: false, Restart: true, Abandon: true }],
    ['STOPPED', { Stop: false, Restart: true, Abandon: true }],
    ['UNKNOWN', { Stop: false, Restart: false, Abandon: true }],
    ['COMPLETED', { Stop: false, Restart: false, Abandon: false }],
    ['ABANDONED', { Stop: false, Restart: false, Abandon: false }],
  ] as const)('offers for %s only the operations that make sense', async (status, enabled) => {
    executionApi([execution({ status, endTime: status === 'STARTED' ? null : '2026-11-24T02:04:06+08:00' })]);
    renderApp('/executions/5/show', { roles: ['OPS'], dataProvider: createDataProvider() });
    await screen.findByText('nightlyInvitationJob · execution #5');
    for (const [name, isEnabled] of Object.entries(enabled)) {
      if (isEnabled) expect(button(name)).toBeEnabled();
      else expect(button(name)).toBeDisabled();
    }
    expect([canStop(status), canRestart(status), canAbandon(status)]).toEqual([enabled.Stop, enabled.Restart, enabled.Abandon]);
  });

  it('stops a running execution after confirmation', async () => {
    const api = executionApi([running(10)]);
    renderApp('/executions/5/show', { roles: ['OPS'], dataProvider: createDataProvider() });
    await screen.findByText('10 / 30 items (33 %)');

    await userEvent.click(button('Stop'));
    expect(await screen.findByRole('dialog')).toHaveTextContent('Stop this execution?');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await confirm('Stop', 'Stop execution');
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/jobs/executions/5/stop']));
  });

  it('shows the server problem detail when a restart is refused (409)', async () => {
    const detail = 'Execution 5 cannot be restarted: its job instance already completed';
    executionApi([execution({ status: 'FAILED' })], () => problemResponse(409, { title: 'Conflict', detail }));
    renderApp('/executions/5/show', { roles: ['OPS'], dataProvider: createDataProvider() });
    await screen.findByText('nightlyInvitationJob · execution #5');

    await confirm('Restart', 'Restart execution');

    expect(await screen.findByText(detail)).toBeInTheDocument();
  });

  it('opens the new execution after a restart', async () => {
    const api = executionApi([execution({ status: 'STOPPED' })], () => jsonResponse({ executionId: 6 }, 202));
    renderApp('/executions/5/show', { roles: ['OPS'], dataProvider: createDataProvider() });
    await screen.findByText('nightlyInvitationJob · execution #5');

    await confirm('Restart', 'Restart execution');

    await waitFor(() => expect(api.calls.some((c) => c.method === 'GET' && c.url === '/api/jobs/executions/6')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')?.url).toBe('/api/jobs/executions/5/restart');
  });
});
