import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, problemResponse, setCookie } from '../test/fetchMock';
import type { Call } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';
import { lastFullWeek } from './reportsApi';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => vi.unstubAllGlobals());

function reportsApi(post: (call: Call) => Response = () => jsonResponse({ id: 17 }, 202)) {
  const fetch = mockFetch((call) => {
    if (call.method === 'POST') return post(call);
    return jsonResponse([], 200, { 'X-Total-Count': '0' });
  });
  const posts = () => fetch.calls.filter((c) => c.method === 'POST');
  return { ...fetch, posts };
}

const typeOptions = async () => (await screen.findAllByRole('radio')).map((radio) => radio.closest('label')?.textContent);

const setDate = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('ReportCreate', () => {
  it('offers leadership the funnel only, and ops the personal-data export too', async () => {
    reportsApi();
    const { unmount } = renderApp('/reports/create', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    expect(await typeOptions()).toEqual([expect.stringMatching(/^Waitlist funnel/)]);
    unmount();

    renderApp('/reports/create', { roles: ['OPS'], dataProvider: createDataProvider() });
    expect(await typeOptions()).toEqual([expect.stringMatching(/^Waitlist funnel/), expect.stringMatching(/^Waitlist detail \(personal data\)/)]);
  });

  it('requests the funnel for the last full week by default and goes back to the archive', async () => {
    const api = reportsApi();
    renderApp('/reports/create', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    const week = lastFullWeek();
    expect(await screen.findByLabelText(/^First day/)).toHaveValue(week.periodStart);
    expect(screen.getByLabelText(/^Last day/)).toHaveValue(week.periodEnd);
    expect(screen.getByRole('radio', { name: /Waitlist funnel/ })).toBeChecked();

    await userEvent.click(screen.getByRole('button', { name: 'Request report' }));

    await waitFor(() => expect(api.posts()).toHaveLength(1));
    const [post] = api.posts();
    expect(post.url).toBe('/api/reports');
    expect(post.body).toEqual({ type: 'WAITLIST_FUNNEL', ...week });
    expect(post.headers['x-xsrf-token']).toBe('tok');
    expect(await screen.findByText(/Report requested/)).toBeInTheDocument();
    expect(await screen.findByText('No reports yet')).toBeInTheDocument();
  });

  it('sends the chosen type and period', async () => {
    const api = reportsApi();
    renderApp('/reports/create', { roles: ['OPS'], dataProvider: createDataProvider() });
    await userEvent.click(await screen.findByRole('radio', { name: /Waitlist detail/ }));
    setDate(/^First day/, '2026-10-01');
    setDate(/^Last day/, '2026-10-31');
    await userEvent.click(screen.getByRole('button', { name: 'Request report' }));
    await waitFor(() => expect(api.posts()).toHaveLength(1));
    expect(api.posts()[0].body).toEqual({ type: 'WAITLIST_DETAIL', periodStart: '2026-10-01', periodEnd: '2026-10-31' });
  });

  it('refuses a period that ends before it starts', async () => {
    const api = reportsApi();
    renderApp('/reports/create', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    await screen.findByLabelText(/^First day/);
    setDate(/^First day/, '2026-11-20');
    setDate(/^Last day/, '2026-11-19');
    await userEvent.click(screen.getByRole('button', { name: 'Request report' }));
    expect(await screen.findByText('The period must end on or after its first day')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Last day/)).toHaveAttribute('aria-invalid', 'true');
    expect(api.posts()).toHaveLength(0);

    setDate(/^Last day/, '2026-11-20');
    await userEvent.click(screen.getByRole('button', { name: 'Request report' }));
    await waitFor(() => expect(api.posts()).toHaveLength(1));
  });

  it('shows the server refusal under the field it names', async () => {
    reportsApi(() =>
      problemResponse(400, { title: 'Bad Request', detail: 'Invalid request', errors: [{ field: 'periodStart', message: 'must not be in the future' }] }),
    );
    renderApp('/reports/create', { roles: ['LEADERSHIP'], dataProvider: createDataProvider() });
    await screen.findByLabelText(/^First day/);
    await userEvent.click(screen.getByRole('button', { name: 'Request report' }));
    expect(await screen.findByText('must not be in the future')).toBeInTheDocument();
    expect(screen.getByLabelText(/^First day/)).toHaveAttribute('aria-invalid', 'true');
  });
});
