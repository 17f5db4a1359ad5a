import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, setCookie } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';
import { UNCONFIRMED_INVITATION } from './testInvitation';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => vi.unstubAllGlobals());


function showApi() {
  return mockFetch((call) => {
    if (call.method === 'POST') return jsonResponse({ ...UNCONFIRMED_INVITATION, status: 'SENT', resendable: false });
    return jsonResponse(UNCONFIRMED_INVITATION);
  });
}

describe('InvitationShow', () => {
  it('explains an UNCONFIRMED invitation and marks it sent after asking', async () => {
    const api = showApi();
    renderApp('/invitations/42/show', { roles: ['OPS'], dataProvider: createDataProvider() });
    expect(await screen.findByText(/never sent again automatically/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Mark sent' }));
    expect(screen.getByText('Mark the invitation as sent?')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Why (kept in the audit log)'), 'she replied by phone');
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Mark sent' }));

    await waitFor(() => {
      const post = api.calls.find((c) => c.method === 'POST');
      expect(post?.url).toBe('/api/invitations/42/mark-sent');
      expect(post?.body).toEqual({ note: 'she replied by phone' });
      expect(post?.headers['x-xsrf-token']).toBe('tok');
    });
  });

  it('resends only after the warning about a second copy', async () => {
    const api = showApi();
    renderApp('/invitations/42/show', { roles: ['OPS'], dataProvider: createDataProvider() });
    await userEvent.click(await screen.findByRole('button', { name: 'Resend' }));
    expect(screen.getByText(/the person gets it twice/)).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Resend' }));
    await waitFor(() => expect(api.calls.find((c) => c.method === 'POST')?.url).toBe('/api/invitations/42/resend'));
  });
});
