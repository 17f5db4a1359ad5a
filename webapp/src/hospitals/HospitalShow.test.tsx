import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Call } from '../test/fetchMock';
import { jsonResponse, mockFetch, problemResponse } from '../test/fetchMock';
import { fakeDataProvider, renderApp } from '../test/renderApp';
import { actionsFor } from './StatusActions';
import { RIVERSIDE, VERIFICATIONS } from './testData';

function setup(roles: string[], record: object = RIVERSIDE, responder?: (call: Call) => Response | undefined) {
  const fetch = mockFetch((call) => responder?.(call) ?? jsonResponse(VERIFICATIONS));
  const getOne = vi.fn(async () => ({ data: record }));
  renderApp('/hospitals/7/show', { roles, dataProvider: fakeDataProvider({ getOne: getOne as never }) });
  return fetch;
}

describe('HospitalShow', () => {
  it('shows the verification timeline latest first with evidence download links', async () => {
    setup(['OPS']);
    const timeline = await screen.findByRole('list', { name: 'Verifications' });
    const entries = await within(timeline).findAllByRole('listitem');
    expect(entries[0]).toHaveTextContent('2026-11-01 · Site visit · Dr. Wang · latest');
    expect(timeline).toHaveTextContent('2025-10-01 · Phone · Ms. Zhao');
    const link = within(timeline).getByRole('link', { name: 'visit-report.pdf' });
    expect(link).toHaveAttribute('href', '/api/hospitals/7/verifications/12/evidence/5');
    expect(link).toHaveAttribute('download', 'visit-report.pdf');
    expect(timeline).toHaveTextContent('application/pdf, 2.0 KB');
    // read-only roles get no actions
    expect(screen.queryByRole('button', { name: 'Save verification' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Suspend' })).not.toBeInTheDocument();
    expect(screen.queryByText('Upload evidence')).not.toBeInTheDocument();
  });

  it('records a verification and shows the field the server refused', async () => {
    const fetch = setup(['EDITOR'], RIVERSIDE, (call) =>
      call.method === 'POST'
        ? problemResponse(400, { detail: 'Invalid verifiedOn', errors: [{ field: 'verifiedOn', message: 'must not be in the future' }] })
        : undefined,
    );
    await userEvent.type(await screen.findByLabelText(/^Verifier/), 'Dr. Chen');
    await userEvent.click(screen.getByRole('button', { name: 'Save verification' }));

    expect(await screen.findByText('must not be in the future')).toBeInTheDocument();
    const post = fetch.calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe('/api/hospitals/7/verifications');
    expect(post?.body).toMatchObject({ method: 'VIDEO_CALL', verifier: 'Dr. Chen', version: 3 });
    expect(post?.headers['content-type']).toBe('application/json');
  });

  it('uploads evidence and shows the type error the server gives', async () => {
    const fetch = setup(['EDITOR'], RIVERSIDE, (call) =>
      call.method === 'POST'
        ? problemResponse(415, { detail: 'Invalid file: must be a PDF, PNG, JPEG or WebP file',
            errors: [{ field: 'file', message: 'must be a PDF, PNG, JPEG or WebP file' }] })
        : undefined,
    );
    const inputs = await screen.findAllByLabelText('Evidence file');
    await userEvent.upload(inputs[0], new File(['<html>'], 'notes.pdf', { type: 'application/pdf' }));

    expect(await screen.findByText('must be a PDF, PNG, JPEG or WebP file')).toBeInTheDocument();
    const post = fetch.calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe('/api/hospitals/7/verifications/12/evidence');
    expect(post?.body).toBeInstanceOf(FormData);
    expect((post?.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('refuses a file over 10 MB without sending it', async () => {
    const fetch = setup(['EDITOR']);
    const inputs = await screen.findAllByLabelText('Evidence file');
    await userEvent.upload(inputs[0], new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' }));

    expect(await screen.findByText('scan.pdf is larger than 10 MB')).toBeInTheDocument();
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('asks for a reason and confirmation before suspending', async () => {
    const fetch = setup(['EDITOR'], RIVERSIDE, (call) =>
      call.method === 'POST' ? jsonResponse({ ...RIVERSIDE, status: 'SUSPENDED', version: 4 }) : undefined,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Suspend' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('disappears from the public site');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText('Say why')).toBeInTheDocument();
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.type(within(dialog).getByLabelText(/^Reason/), 'Desk stopped answering');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    await waitFor(() => expect(fetch.calls.some((c) => c.method === 'POST')).toBe(true));
    const post = fetch.calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe('/api/hospitals/7/status');
    expect(post?.body).toEqual({ status: 'SUSPENDED', reason: 'Desk stopped answering', version: 3 });
  });

  it('offers only the status changes the server allows', () => {
    expect(actionsFor('UNVERIFIED').map((a) => a.label)).toEqual(['Start verification', 'Suspend']);
    expect(actionsFor('IN_VERIFICATION').map((a) => a.label)).toEqual(['Suspend']);
    expect(actionsFor('VERIFIED').map((a) => a.label)).toEqual(['Suspend']);
    expect(actionsFor('EXPIRED').map((a) => a.label)).toEqual(['Start verification', 'Suspend']);
    expect(actionsFor('SUSPENDED').map((a) => a.label)).toEqual(['Resume verification']);
  });
});
