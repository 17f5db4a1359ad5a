import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../test/fetchMock';
import { fakeDataProvider, renderApp } from '../test/renderApp';
import { RIVERSIDE, SPECIALTIES } from './testData';

const PENDING = { ...RIVERSIDE, id: 8, name: 'Harbour Hospital', status: 'IN_VERIFICATION', latestVerification: undefined };

describe('HospitalList', () => {
  it('shows profiles with status chips, sorted by name', async () => {
    mockFetch(() => jsonResponse(SPECIALTIES));
    const getList = vi.fn(async () => ({ data: [RIVERSIDE, PENDING], total: 2 }));
    renderApp('/hospitals', { roles: ['OPS'], dataProvider: fakeDataProvider({ getList: getList as never }) });

    const row = (await screen.findByText('Riverside Cancer Hospital')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Verified')).toBeInTheDocument();
    expect(within(row).getByText('河畔肿瘤医院')).toBeInTheDocument();
    expect(within(row).getByText('lung-cancer')).toBeInTheDocument();
    const pending = screen.getByText('Harbour Hospital').closest('tr') as HTMLElement;
    expect(within(pending).getByText('In verification')).toBeInTheDocument();
    expect(getList).toHaveBeenCalledWith(
      'hospitals',
      expect.objectContaining({ pagination: { page: 1, perPage: 25 }, sort: { field: 'name', order: 'ASC' } }),
    );
    expect(screen.queryByRole('link', { name: /Create hospital/ })).not.toBeInTheDocument();
  });

  it('filters to the profiles due for re-verification, soonest first', async () => {
    mockFetch(() => jsonResponse(SPECIALTIES));
    const getList = vi.fn(async () => ({ data: [RIVERSIDE], total: 1 }));
    renderApp('/hospitals', { roles: ['EDITOR'], dataProvider: fakeDataProvider({ getList: getList as never }) });
    await screen.findByText('Riverside Cancer Hospital');

    await userEvent.click(screen.getByRole('button', { name: /Due for re-verification/ }));

    await waitFor(() =>
      expect(getList).toHaveBeenLastCalledWith(
        'hospitals',
        expect.objectContaining({
          filter: { expiringWithinDays: 30 },
          sort: { field: 'verificationExpiresOn', order: 'ASC' },
        }),
      ),
    );
  });

  it('shows an empty state that offers creating a profile to editors', async () => {
    mockFetch(() => jsonResponse(SPECIALTIES));
    renderApp('/hospitals', { roles: ['EDITOR'] });
    expect(await screen.findByText('No hospital profiles yet')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /Create hospital/ }).length).toBeGreaterThan(0);
  });
});
