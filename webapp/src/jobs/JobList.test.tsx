import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, problemResponse, setCookie } from '../test/fetchMock';
import type { Call } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';
import { execution, job } from './fixtures';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => vi.unstubAllGlobals());

/** The jobs API for a catalogue of a scheduled nightly job and an on-demand export job. */
function jobsApi(extra: (call: Call) => Response | undefined = () => undefined) {
  let paused = false;
  const catalogue = () => [
    job({ schedule: { cron: '0 0 2 * * *', zone: 'Asia/Shanghai', paused, enabled: true }, nextRun: paused ? null : '2026-11-25T02:00:00+08:00' }),
    job({
      name: 'reportExportJob',
      schedule: null,
      nextRun: null,
      lastExecution: null,
      dryRunSupported: false,
      parameters: [
        {
          name: 'reportId',
          type: 'INTEGER',
          defaultValue: 'a new funnel of last week',
          allowed: '1 to 9223372036854775807',
          adminOnly: false,
          description: 'the requested report to produce',
        },
      ],
    }),
  ];
  return mockFetch((call) => {
    const answer = extra(call);
    if (answer) return answer;
    const path = new URL(call.url, 'http://localhost').pathname;
    if (call.method === 'POST' && path === '/api/jobs/nightlyInvitationJob/schedule/pause') {
      paused = true;
      return jsonResponse(catalogue()[0]);
    }
    if (call.method === 'POST' && path === '/api/jobs/nightlyInvitationJob/schedule/resume') {
      paused = false;
      return jsonResponse(catalogue()[0]);
    }
    if (path === '/api/jobs') return jsonResponse(catalogue(), 200, { 'X-Total-Count': '2' });
    if (path.startsWith('/api/jobs/executions/')) {
      return jsonResponse(execution({ executionId: Number(path.split('/').pop()), status: 'STARTED', endTime: null }));
    }
    return jsonResponse([], 200, { 'X-Total-Count': '0' });
  });
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

async function nightlyRow() {
  return (await screen.findByText('nightlyInvitationJob')).closest('tr') as HTMLElement;
}

describe('JobList', () => {
  it('lists each job with its schedule in words, next run and last result', async () => {
    jobsApi();
    renderApp('/jobs', { roles: ['OPS'], dataProvider: createDataProvider() });

    const row = await nightlyRow();
    expect(within(row).getByText('Every day at 02:00')).toBeInTheDocument();
    expect(within(row).getByText(/Asia\/Shanghai/)).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).getByText('COMPLETED')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Execution #7' })).toHaveAttribute('href', '/executions/7/show');
    expect(within(row).getByText(new Date('2026-11-25T02:00:00+08:00').toLocaleString())).toBeInTheDocument();

    const exportRow = screen.getByText('reportExportJob').closest('tr') as HTMLElement;
    expect(within(exportRow).getByText('On demand only')).toBeInTheDocument();
    expect(within(exportRow).getByText('Never run')).toBeInTheDocument();
    expect(within(exportRow).queryByRole('button', { name: 'Pause' })).not.toBeInTheDocument();
  });

  it('pauses a schedule only after confirmation, then offers to resume it', async () => {
    const { calls } = jobsApi();
    renderApp('/jobs', { roles: ['OPS'], dataProvider: createDataProvider() });
    const row = await nightlyRow();

    await userEvent.click(within(row).getByRole('button', { name: 'Pause' }));
    expect(await screen.findByRole('dialog')).toHaveTextContent('Pause the schedule of nightlyInvitationJob?');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts(calls)).toHaveLength(0);

    await userEvent.click(within(row).getByRole('button', { name: 'Pause' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Pause schedule' }));

    await waitFor(() => expect(posts(calls).map((c) => c.url)).toEqual(['/api/jobs/nightlyInvitationJob/schedule/pause']));
    expect(posts(calls)[0].headers['x-xsrf-token']).toBe('tok');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const pausedRow = await nightlyRow();
    expect(await within(pausedRow).findByText('Paused')).toBeInTheDocument();
    await userEvent.click(await within(pausedRow).findByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(posts(calls).map((c) => c.url)).toContain('/api/jobs/nightlyInvitationJob/schedule/resume'));
  });

  it('launches a dry run by default with the extra parameters, then opens the execution', async () => {
    const { calls } = jobsApi((call) =>
      call.method === 'POST' && call.url === '/api/jobs/nightlyInvitationJob/executions'
        ? jsonResponse({ executionId: 42 }, 202)
        : undefined,
    );
    renderApp('/jobs', { roles: ['OPS'], dataProvider: createDataProvider() });
    const row = await nightlyRow();

    await userEvent.click(within(row).getByRole('button', { name: 'Run now' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('switch', { name: 'Dry run' })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add parameter' }));
    await userEvent.type(within(dialog).getByLabelText('Parameter 1 name'), 'windowDate');
    await userEvent.type(within(dialog).getByLabelText('Parameter 1 value'), '2026-11-24');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Launch dry run' }));

    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0].body).toEqual({ parameters: { windowDate: '2026-11-24', dryRun: 'true' } });
    expect(await screen.findByText('nightlyInvitationJob · execution #42')).toBeInTheDocument();
  });

  it('launches for real when dry run is switched off, and shows why the server refused', async () => {
    const { calls } = jobsApi((call) =>
      call.method === 'POST' && call.url.endsWith('/executions')
        ? problemResponse(409, { title: 'Conflict', detail: 'Job nightlyInvitationJob is already running' })
        : undefined,
    );
    renderApp('/jobs', { roles: ['OPS'], dataProvider: createDataProvider() });
    const row = await nightlyRow();

    await userEvent.click(within(row).getByRole('button', { name: 'Run now' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('switch', { name: 'Dry run' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Launch' }));

    expect(await within(dialog).findByText('Job nightlyInvitationJob is already running')).toBeInTheDocument();
    expect(posts(calls)[0].body).toEqual({ parameters: { dryRun: 'false' } });
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('offers no dry run for a job that has none, so it is never launched as one', async () => {
    const { calls } = jobsApi((call) =>
      call.method === 'POST' && call.url === '/api/jobs/reportExportJob/executions' ? jsonResponse({ executionId: 43 }, 202) : undefined,
    );
    renderApp('/jobs', { roles: ['OPS'], dataProvider: createDataProvider() });
    const row = (await screen.findByText('reportExportJob')).closest('tr') as HTMLElement;

    await userEvent.click(within(row).getByRole('button', { name: 'Run now' }));
    const dialog = await screen.findByRole('dialog');
    const dryRunSwitch = within(dialog).getByRole('switch', { name: 'Dry run' });
    expect(dryRunSwitch).not.toBeChecked();
    expect(dryRunSwitch).toBeDisabled();
    expect(within(dialog).getByText('This job has no dry run: it changes data for real.')).toBeInTheDocument();
    expect(within(dialog).getByRole('list', { name: 'Parameters it takes' })).toHaveTextContent(
      'reportId: the requested report to produce (1 to 9223372036854775807; default a new funnel of last week)',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Launch' }));

    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    // a job without a dry run refuses dryRun as a parameter it does not declare
    expect(posts(calls)[0].body).toEqual({ parameters: {} });
  });

  it('says so when no job is registered', async () => {
    mockFetch(() => jsonResponse([], 200, { 'X-Total-Count': '0' }));
    renderApp('/jobs', { roles: ['ADMIN'], dataProvider: createDataProvider() });
    expect(await screen.findByText('No batch jobs are registered')).toBeInTheDocument();
  });
});
