import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, setCookie } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';
import { UNCONFIRMED_INVITATION } from './testInvitation';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => vi.unstubAllGlobals());

const INVITATION = { ...UNCONFIRMED_INVITATION, delivery: 'deferred' };

function invitationsApi() {
  const fetch = mockFetch((call) => {
    const path = new URL(call.url, 'http://localhost').pathname;
    if (path === '/api/mail/status') return jsonResponse({ mode: 'OUTBOX', sendgridConfigured: false });
    if (path === '/api/invitations/preview') {
      return jsonResponse({ subject: 'Your Oncology window', html: '<p>Dear Ana Silva</p>', text: 'Dear Ana Silva' });
    }
    if (path === '/api/invitations/test-send') return jsonResponse({ outcome: 'ACCEPTED', detail: 'Accepted' });
    return jsonResponse([INVITATION], 200, { 'X-Total-Count': '1' });
  });
  const listQueries = () =>
    fetch.calls
      .filter((c) => c.url.startsWith('/api/invitations?'))
      .map((c) => Object.fromEntries(new URLSearchParams(c.url.slice(c.url.indexOf('?') + 1))));
  return { ...fetch, listQueries };
}

describe('InvitationList', () => {
  it('lists invitations with their status and delivery chips, newest first', async () => {
    const api = invitationsApi();
    renderApp('/invitations', { roles: ['OPS'], dataProvider: createDataProvider() });
    const row = (await screen.findByText('ana@example.org')).closest('tr') as HTMLElement;
    expect(within(row).getByText('UNCONFIRMED')).toBeInTheDocument();
    expect(within(row).getByText('deferred')).toBeInTheDocument();
    expect(api.listQueries()[0]).toEqual({ page: '0', size: '25', sort: 'id,desc' });
  });

  it('shows the template preview in a sandboxed frame and sends a test', async () => {
    const api = invitationsApi();
    renderApp('/invitations', { roles: ['OPS'], dataProvider: createDataProvider() });
    await userEvent.click(await screen.findByRole('button', { name: 'Email template and test' }));

    const frame = (await screen.findByTitle('Invitation email preview')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(screen.getByText('Subject: Your Oncology window')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Send a test to'), 'me@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Send me a test' }));
    expect(await screen.findByText('Test sent: ACCEPTED')).toBeInTheDocument();
    await waitFor(() =>
      expect(api.calls.find((c) => c.url === '/api/invitations/test-send')?.body).toEqual({ email: 'me@example.org' }),
    );
  });
});
