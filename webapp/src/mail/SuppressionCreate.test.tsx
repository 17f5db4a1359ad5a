import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, setCookie } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => vi.unstubAllGlobals());

function api() {
  const fetch = mockFetch((call) => {
    if (call.method === 'POST') {
      const body = call.body as { email: string; note: string };
      return jsonResponse({ ...body, reason: 'MANUAL', source: 'ops:tester', createdAt: '2026-11-24T08:00:00Z' }, 201);
    }
    return jsonResponse([], 200, { 'X-Total-Count': '0' });
  });
  return { ...fetch, posts: () => fetch.calls.filter((c) => c.method === 'POST') };
}

describe('SuppressionCreate', () => {
  it('requires a valid email and a note', async () => {
    const server = api();
    renderApp('/suppressions/create', { roles: ['OPS'], dataProvider: createDataProvider() });
    await userEvent.type(await screen.findByLabelText(/^Email/), 'not-an-address');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter an email address such as name@example.com')).toBeInTheDocument();
    expect(screen.getByText('Say why this address must not be emailed')).toBeInTheDocument();
    expect(server.posts()).toHaveLength(0);
  });

  it('posts only the email and the note, then goes back to the list', async () => {
    const server = api();
    renderApp('/suppressions/create', { roles: ['OPS'], dataProvider: createDataProvider() });
    await userEvent.type(await screen.findByLabelText(/^Email/), 'no-mail@example.com');
    await userEvent.type(screen.getByLabelText(/^Why must it not be emailed/), 'asked by phone');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(server.posts()).toHaveLength(1));
    expect(server.posts()[0].url).toBe('/api/mail/suppressions');
    expect(server.posts()[0].body).toEqual({ email: 'no-mail@example.com', note: 'asked by phone' });
    expect(await screen.findByText('No suppressed addresses')).toBeInTheDocument();
  });
});
