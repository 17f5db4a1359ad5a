import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../test/fetchMock';
import { fakeDataProvider, renderApp } from '../test/renderApp';

const PAIRS = [
  {
    id: 3, entryId: 7, email: 'ana@example.org', fullName: 'Ana Silva', country: 'PT', otherEntryId: 8,
    otherEmail: 'a.silva@example.net', otherFullName: 'ANA SILVA', reason: 'same normalized name and country',
    status: 'OPEN', foundAt: '2026-11-02T11:00:00Z',
  },
];

afterEach(() => vi.unstubAllGlobals());

describe('PossibleDuplicateList', () => {
  it('lists open look-alikes and merges a pair confirmed as the same person', async () => {
    const { calls } = mockFetch(() => jsonResponse({ status: 'CONFIRMED_SAME' }));
    const getList = vi.fn(async () => ({ data: PAIRS, total: 1 }));
    renderApp('/waitlist-possible-duplicates', { roles: ['OPS'], dataProvider: fakeDataProvider({ getList: getList as never }) });

    const row = (await screen.findByText(/a.silva@example.net/, {}, { timeout: 15000 })).closest('tr') as HTMLElement;
    expect(within(row).getByText('same normalized name and country')).toBeInTheDocument();
    expect(getList).toHaveBeenCalledWith('waitlist-possible-duplicates', expect.objectContaining({ filter: { status: 'OPEN' } }));

    await userEvent.click(within(row).getByRole('button', { name: 'Same person' }));
    await waitFor(() => {
      const call = calls.find((c) => c.url === '/api/waitlist/possible-duplicates/3/resolve');
      expect(call?.body).toEqual({ decision: 'SAME' });
    });
  });
});
