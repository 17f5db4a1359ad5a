import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, problemResponse } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';
import type { DashboardView } from './dashboardApi';

afterEach(() => vi.unstubAllGlobals());

const ZERO_FUNNEL = {
  signups: 0, uniquePeople: 0, duplicatesMerged: 0, allocated: 0, invited: 0, delivered: 0,
  accepted: 0, declined: 0, expired: 0, bounced: 0, unsubscribed: 0,
};

function dashboard(overrides: Partial<DashboardView> = {}): DashboardView {
  return {
    generatedAt: '2026-11-25T03:00:00Z',
    funnel: { ...ZERO_FUNNEL, signups: 1480, uniquePeople: 1302, duplicatesMerged: 178, allocated: 640, invited: 610, delivered: 598, accepted: 402, declined: 61, expired: 35, bounced: 12, unsubscribed: 3 },
    signupsByWeek: [
      { weekStart: '2026-11-09', signups: 40, uniquePeople: 36 },
      { weekStart: '2026-11-16', signups: 55, uniquePeople: 50 },
    ],
    windowUtilizationByWeek: [
      { weekStart: '2026-11-16', seats: 120, taken: 110, accepted: 80 },
      { weekStart: '2026-11-23', seats: 100, taken: 40, accepted: 10 },
    ],
    deliveryHealth: [
      { status: 'SENT', count: 598 },
      { status: 'FAILED', count: 12 },
    ],
    guidesDueForReview: [{ id: 1, slug: 'cancer-second-opinion-china', title: 'Cancer second opinion in China', status: 'PUBLISHED', reviewDue: '2020-01-01' }],
    hospitalsDueForReverification: [{ id: 2, slug: 'ruijin', name: 'Ruijin Hospital', status: 'VERIFIED', verificationExpires: '2099-12-20' }],
    nightlyRun: { executionId: 9, status: 'COMPLETED', exitCode: 'COMPLETED', startTime: '2026-11-24T18:00:00Z', endTime: '2026-11-24T18:04:00Z', exitMessage: '' },
    ...overrides,
  };
}

function dashboardApi(answer: () => Response = () => jsonResponse(dashboard())) {
  const fetch = mockFetch((call) => (call.url === '/api/dashboard' ? answer() : jsonResponse([], 200, { 'X-Total-Count': '0' })));
  return { ...fetch, dashboardReads: () => fetch.calls.filter((c) => c.url === '/api/dashboard').length };
}

const panel = (name: string) => screen.getByRole('region', { name });

describe('Dashboard', () => {
  it('shows leadership the charts and what is coming due, linked to each page', async () => {
    const api = dashboardApi();
    const { container } = renderApp('/', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });

    expect(await screen.findByRole('region', { name: 'Sign-ups per week' })).toBeInTheDocument();
    for (const name of ['Sign-ups per week', 'Waitlist funnel (all time)', 'Window utilization per week', 'Invitation delivery health']) {
      expect(panel(name).querySelector('svg.recharts-surface'), name).not.toBeNull();
    }
    // one chart each (legend icons are small surfaces of their own)
    expect(container.querySelectorAll('.recharts-wrapper > svg.recharts-surface')).toHaveLength(4);
    // the funnel's bars, and every figure beside them
    expect(panel('Waitlist funnel (all time)').querySelectorAll('.recharts-bar-rectangle')).toHaveLength(6);
    const figures = within(screen.getByLabelText('Funnel figures'));
    expect(figures.getByText('Duplicates merged').nextSibling).toHaveTextContent('178');
    expect(figures.getByText('Accepted').nextSibling).toHaveTextContent('402');
    // seats, taken and accepted for each of the two weeks
    expect(panel('Window utilization per week').querySelectorAll('.recharts-bar-rectangle')).toHaveLength(6);

    const guides = within(screen.getByRole('table', { name: 'Guides due for medical review' }));
    expect(guides.getByRole('link', { name: 'Cancer second opinion in China' })).toHaveAttribute('href', '/guides/1/show');
    expect(guides.getByText('overdue')).toBeInTheDocument();
    const hospitals = within(screen.getByRole('table', { name: 'Hospitals due for re-verification' }));
    expect(hospitals.getByRole('link', { name: 'Ruijin Hospital' })).toHaveAttribute('href', '/hospitals/2/show');
    expect(hospitals.queryByText('overdue')).not.toBeInTheDocument();

    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText(/Last nightly invitation run: COMPLETED/)).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Dashboard' })).toBeInTheDocument();
    expect(api.dashboardReads()).toBe(1);
  });

  it('alerts ops to a failed nightly run with a link to its execution', async () => {
    dashboardApi(() =>
      jsonResponse(dashboard({ nightlyRun: { executionId: 9, status: 'FAILED', exitCode: 'FAILED', startTime: '2026-11-24T18:00:00Z', endTime: '2026-11-24T18:01:00Z', exitMessage: 'java.lang.IllegalStateException: SendGrid answered 401\n\tat com.jadecrane.invitations.Sender.send(Sender.java:42)' } })),
    );
    renderApp('/', { roles: ['OPS'], dataProvider: createDataProvider() });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The last nightly invitation run failed');
    expect(alert).toHaveTextContent('SendGrid answered 401');
    expect(alert).not.toHaveTextContent('Sender.java:42');
    expect(within(alert).getByRole('link', { name: 'Open execution #9' })).toHaveAttribute('href', '/executions/9/show');
  });

  it('tells leadership about a stopped nightly run without a console link they cannot use', async () => {
    dashboardApi(() =>
      jsonResponse(dashboard({ nightlyRun: { executionId: 9, status: 'STOPPED', exitCode: 'STOPPED', startTime: '2026-11-24T18:00:00Z', endTime: null, exitMessage: null } })),
    );
    renderApp('/', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The last nightly invitation run was stopped');
    expect(alert).toHaveTextContent('Ops can restart it from the job console (execution #9)');
    expect(within(alert).queryByRole('link')).not.toBeInTheDocument();
  });

  it('says what will appear where there is no data yet', async () => {
    dashboardApi(() =>
      jsonResponse({
        generatedAt: '2026-11-25T03:00:00Z',
        funnel: ZERO_FUNNEL,
        signupsByWeek: [{ weekStart: '2026-11-16', signups: 0, uniquePeople: 0 }],
        windowUtilizationByWeek: [],
        deliveryHealth: [],
        guidesDueForReview: [],
        hospitalsDueForReverification: [],
        nightlyRun: null,
      }),
    );
    const { container } = renderApp('/', { roles: ['ADMIN'], dataProvider: createDataProvider() });
    expect(await screen.findByText('No sign-ups in the last 26 weeks')).toBeInTheDocument();
    expect(screen.getByText('No sign-ups yet')).toBeInTheDocument();
    expect(screen.getByText('No windows in these weeks')).toBeInTheDocument();
    expect(screen.getByText('No invitation emails yet')).toBeInTheDocument();
    expect(screen.getByText('No guide is due for medical review.')).toBeInTheDocument();
    expect(screen.getByText('No hospital is due for re-verification.')).toBeInTheDocument();
    expect(container.querySelector('svg.recharts-surface')).toBeNull();
    expect(screen.queryByText(/Last nightly invitation run/)).not.toBeInTheDocument();
  });

  it('shows progress while loading and the reason when the figures cannot be read', async () => {
    let fail: (response: Response) => void = () => undefined;
    dashboardApi(() => new Promise<Response>((resolve) => (fail = resolve)) as never);
    renderApp('/', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    expect(await screen.findByRole('progressbar', { name: 'Loading the dashboard' })).toBeInTheDocument();
    fail(problemResponse(500, { title: 'Internal Server Error', detail: 'The database is not reachable' }));
    expect(await screen.findByText('The dashboard could not be loaded: The database is not reachable')).toBeInTheDocument();
  });

  it('welcomes editors without asking for figures they may not read', async () => {
    const api = dashboardApi();
    renderApp('/', { roles: ['EDITOR'], dataProvider: createDataProvider() });
    expect(await screen.findByText('Welcome to the Jade Crane back-office')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Guides' })).toHaveAttribute('href', '/guides');
    expect(screen.queryByRole('menuitem', { name: 'Dashboard' })).not.toBeInTheDocument();
    expect(api.dashboardReads()).toBe(0);
  });
});
