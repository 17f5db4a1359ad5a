import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeDataProvider, renderApp } from '../test/renderApp';

const USERS = [
  { id: 1, username: 'admin', displayName: 'The Admin', email: 'admin@jc.example', roles: ['ADMIN'], enabled: true, version: 0, createdAt: '2026-11-01T10:00:00Z' },
  { id: 2, username: 'ed', displayName: 'Ed Itor', email: 'ed@jc.example', roles: ['EDITOR', 'OPS'], enabled: false, version: 3, createdAt: '2026-11-02T10:00:00Z' },
];

describe('UserList', () => {
  it('shows users with role chips and asks for page 1 sorted by username', async () => {
    const getList = vi.fn(async () => ({ data: USERS, total: 2 }));
    renderApp('/users', { dataProvider: fakeDataProvider({ getList: getList as never }) });

    const row = (await screen.findByText('ed')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Ed Itor')).toBeInTheDocument();
    expect(within(row).getByText('ed@jc.example')).toBeInTheDocument();
    expect(within(row).getByText('EDITOR')).toBeInTheDocument();
    expect(within(row).getByText('OPS')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Display name/ })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Created/ })).toBeInTheDocument();
    expect(getList).toHaveBeenCalledWith(
      'users',
      expect.objectContaining({ pagination: { page: 1, perPage: 25 }, sort: { field: 'username', order: 'ASC' } }),
    );
  });

  it('searches with the q filter', async () => {
    const getList = vi.fn(async () => ({ data: USERS, total: 2 }));
    renderApp('/users', { dataProvider: fakeDataProvider({ getList: getList as never }) });
    const search = await screen.findByPlaceholderText('Search username or email');
    await userEvent.type(search, 'ed@');
    await waitFor(
      () => expect(getList).toHaveBeenLastCalledWith('users', expect.objectContaining({ filter: { q: 'ed@' } })),
      { timeout: 3000 },
    );
  });

  it('shows an empty state with a create button', async () => {
    renderApp('/users');
    expect(await screen.findByText('No users yet')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /Create user/ }).length).toBeGreaterThan(0);
  });
});
