import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../test/fetchMock';
import { fakeDataProvider, renderApp } from '../test/renderApp';

const ENTRIES = [
  {
    id: 7, email: 'ana@example.org', fullName: 'Ana Silva', country: 'PT', specialties: ['oncology', 'breast-cancer'],
    sourcePages: ['cancer-second-opinion-china'], signupCount: 2, status: 'ACTIVE', queuedAt: '2026-11-01T10:00:00Z',
  },
];

afterEach(() => vi.unstubAllGlobals());

describe('WaitlistList', () => {
  it('shows people in queue order with their specialties and sign-up count', async () => {
    const getList = vi.fn(async () => ({ data: ENTRIES, total: 1 }));
    renderApp('/waitlist', { roles: ['OPS'], dataProvider: fakeDataProvider({ getList: getList as never }) });

    const row = (await screen.findByText('ana@example.org', {}, { timeout: 15000 })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Ana Silva')).toBeInTheDocument();
    expect(within(row).getByText('breast-cancer')).toBeInTheDocument();
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(getList).toHaveBeenCalledWith(
      'waitlist',
      expect.objectContaining({ pagination: { page: 1, perPage: 50 }, sort: { field: 'queuedAt', order: 'ASC' } }),
    );
  });

  it('says "more than" when the API counted only so far, and still pages', async () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...ENTRIES[0], id: i + 1, email: `p${i}@example.org` }));
    const getList = vi.fn(async () => ({ data: many, total: 1000, meta: { totalIsLowerBound: true } }));
    renderApp('/waitlist', { roles: ['OPS'], dataProvider: fakeDataProvider({ getList: getList as never }) });

    expect(await screen.findByText('1-50 of more than 1,000', {}, { timeout: 15000 })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Go to page 2' }));
    await waitFor(() =>
      expect(getList).toHaveBeenLastCalledWith('waitlist', expect.objectContaining({ pagination: { page: 2, perPage: 50 } })),
    );
  });

  it('searches by email or name with the q filter', async () => {
    const getList = vi.fn(async () => ({ data: ENTRIES, total: 1 }));
    renderApp('/waitlist', { roles: ['OPS'], dataProvider: fakeDataProvider({ getList: getList as never }) });
    await userEvent.type(await screen.findByPlaceholderText('Search email or name'), 'silva');
    await waitFor(
      () => expect(getList).toHaveBeenLastCalledWith('waitlist', expect.objectContaining({ filter: { q: 'silva' } })),
      { timeout: 3000 },
    );
  });

  it('shows an empty state that offers a de-duplication run', async () => {
    renderApp('/waitlist', { roles: ['OPS'] });
    expect(await screen.findByText('Nobody on the waitlist yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run de-duplication now' })).toBeInTheDocument();
  });

  it('runs the dedupe job and tells its counts', async () => {
    const { calls } = mockFetch(() =>
      jsonResponse({
        executionId: 3, status: 'COMPLETED',
        steps: [{ name: 'fileNewSignupsStep', status: 'COMPLETED', readCount: 2, writeCount: 1, exitDescription: 'sign-ups read: 2, merged as duplicates: 1, new people: 1' }],
      }),
    );
    const getList = vi.fn(async () => ({ data: ENTRIES, total: 1 }));
    renderApp('/waitlist', { roles: ['OPS'], dataProvider: fakeDataProvider({ getList: getList as never }) });
    await screen.findByText('ana@example.org', {}, { timeout: 15000 });

    await userEvent.click(screen.getByRole('button', { name: 'Run de-duplication now' }));

    expect(await screen.findByText(/merged as duplicates: 1/)).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/waitlist/dedupe-runs')).toBe(true);
  });

  it('is not offered to EDITOR or LEADERSHIP', async () => {
    const getList = vi.fn(async () => ({ data: ENTRIES, total: 1 }));
    renderApp('/waitlist', { roles: ['EDITOR', 'LEADERSHIP'], dataProvider: fakeDataProvider({ getList: getList as never }) });
    await screen.findByRole('menuitem', { name: 'Guides' });
    expect(screen.queryByRole('menuitem', { name: 'Waitlist' })).not.toBeInTheDocument();
    expect(getList).not.toHaveBeenCalledWith('waitlist', expect.anything());
  });
});
