import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { jsonResponse, mockFetch, setCookie } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => vi.unstubAllGlobals());

const MAILS = [
  {
    id: 3,
    toEmail: 'parent@example.com',
    toName: 'A Parent',
    subject: 'Your invitation',
    textBody: 'Hello,\nyou are invited.',
    htmlBody: '<p>Hello</p><script>window.parent.hacked = true</script>',
    templateId: 'd-123',
    customArgs: '{"invitationId":"42"}',
    categories: ['invitation'],
    attachments: [],
    createdAt: '2026-11-24T08:00:00Z',
  },
  {
    id: 4,
    toEmail: 'leader@example.com',
    toName: null,
    subject: 'Jade Crane waitlist funnel',
    textBody: 'The funnel is attached.',
    htmlBody: null,
    templateId: null,
    customArgs: '{"reportId":"17"}',
    categories: ['leadership-report'],
    attachments: [
      { fileName: 'waitlist-funnel-2026-11-16-to-2026-11-22.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sizeBytes: 48_213 },
    ],
    createdAt: '2026-11-24T07:00:00Z',
  },
];

function outboxApi(mode: 'OUTBOX' | 'SENDGRID', mails: unknown[] = MAILS) {
  const fetch = mockFetch((call) => {
    const path = new URL(call.url, 'http://localhost').pathname;
    if (path === '/api/mail/status') return jsonResponse({ mode, sendgridConfigured: mode === 'SENDGRID' });
    return jsonResponse(mails, 200, { 'X-Total-Count': String(mails.length) });
  });
  const listQueries = () =>
    fetch.calls
      .filter((c) => c.url.startsWith('/api/mail/outbox?'))
      .map((c) => Object.fromEntries(new URLSearchParams(c.url.slice(c.url.indexOf('?') + 1))));
  return { ...fetch, listQueries };
}

/** Opens the preview of the mail with this subject. */
async function expandRow(subject: string) {
  const row = (await screen.findByText(subject)).closest('tr') as HTMLElement;
  await userEvent.click(within(row).getByLabelText('Expand'));
}

describe('OutboxList', () => {
  it('says plainly that mail is NOT sent when no SendGrid key is configured', async () => {
    const api = outboxApi('OUTBOX');
    renderApp('/outbox', { roles: ['OPS'], dataProvider: createDataProvider() });
    expect(await screen.findByText('No SendGrid key is configured: mail is kept in this outbox and NOT sent.')).toBeInTheDocument();
    expect(screen.queryByText(/Mail is sent through SendGrid/)).not.toBeInTheDocument();
    const row = (await screen.findByText('Your invitation')).closest('tr') as HTMLElement;
    expect(within(row).getByText('parent@example.com')).toBeInTheDocument();
    expect(within(row).getByText('invitation')).toBeInTheDocument();
    expect(api.listQueries()[0]).toEqual({ page: '0', size: '25', sort: 'createdAt,desc' });
  });

  it('says that mail really leaves when SendGrid is configured', async () => {
    outboxApi('SENDGRID');
    renderApp('/outbox', { roles: ['OPS'], dataProvider: createDataProvider() });
    expect(await screen.findByText('Mail is sent through SendGrid')).toBeInTheDocument();
    expect(screen.getByText(/Mail really leaves for its recipients/)).toBeInTheDocument();
    expect(screen.queryByText(/NOT sent/)).not.toBeInTheDocument();
  });

  it('searches recipient and subject with q', async () => {
    const api = outboxApi('OUTBOX');
    renderApp('/outbox', { roles: ['OPS'], dataProvider: createDataProvider() });
    await userEvent.type(await screen.findByPlaceholderText('Search recipient or subject'), 'parent');
    await waitFor(() => expect(api.listQueries().at(-1)).toMatchObject({ q: 'parent' }), { timeout: 3000 });
  });

  it('shows the text body and the HTML body in a sandboxed frame that runs no script', async () => {
    outboxApi('OUTBOX');
    renderApp('/outbox', { roles: ['OPS'], dataProvider: createDataProvider() });
    await expandRow('Your invitation');

    expect(await screen.findByText(/you are invited\./)).toBeInTheDocument();
    const frame = screen.getByTitle('HTML body of Your invitation') as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(MAILS[0].htmlBody);
    expect(screen.getByText(/"invitationId": "42"/)).toBeInTheDocument();
    expect((window as unknown as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('names the attachments of a mail, with their type and size', async () => {
    outboxApi('OUTBOX');
    renderApp('/outbox', { roles: ['OPS'], dataProvider: createDataProvider() });
    await expandRow('Jade Crane waitlist funnel');

    expect(await screen.findByText('Attachments (kept by name only)')).toBeInTheDocument();
    expect(
      screen.getByText('waitlist-funnel-2026-11-16-to-2026-11-22.xlsx (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, 47 KB)'),
    ).toBeInTheDocument();
  });

  it('shows no attachment section for a mail without any', async () => {
    outboxApi('OUTBOX');
    renderApp('/outbox', { roles: ['OPS'], dataProvider: createDataProvider() });
    await expandRow('Your invitation');
    expect(await screen.findByText(/you are invited\./)).toBeInTheDocument();
    expect(screen.queryByText('Attachments (kept by name only)')).not.toBeInTheDocument();
  });

  it('shows an empty state', async () => {
    outboxApi('OUTBOX', []);
    renderApp('/outbox', { roles: ['OPS'], dataProvider: createDataProvider() });
    expect(await screen.findByText('The outbox is empty')).toBeInTheDocument();
  });
});
