import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeDataProvider, renderApp } from './test/renderApp';

async function menuItems() {
  await screen.findByRole('menuitem', { name: 'Guides' });
  const menu = document.querySelector('.RaMenu-open, .RaMenu-closed') as HTMLElement;
  return within(menu)
    .getAllByRole('menuitem')
    .map((el) => el.textContent?.trim());
}

describe('App', () => {
  it('shows every area to ADMIN', async () => {
    renderApp('/guides', { roles: ['ADMIN'] });
    expect(await menuItems()).toEqual([
      'Dashboard', 'Guides', 'Hospitals', 'Waitlist', 'Windows', 'Invitations', 'Mail outbox', 'Suppressions', 'Jobs', 'Reports', 'Users', 'Audit log',
    ]);
  });

  it('shows OPS the mail screens but not the audit log', async () => {
    renderApp('/guides', { roles: ['OPS'] });
    expect(await menuItems()).toEqual([
      'Dashboard', 'Guides', 'Hospitals', 'Waitlist', 'Windows', 'Invitations', 'Mail outbox', 'Suppressions', 'Jobs', 'Reports',
    ]);
  });

  it('shows EDITOR only guides and hospitals', async () => {
    renderApp('/guides', { roles: ['EDITOR'] });
    expect(await menuItems()).toEqual(['Guides', 'Hospitals']);
  });

  it('shows LEADERSHIP the dashboard, read-only content and the report archive', async () => {
    renderApp('/reports', { roles: ['LEADERSHIP'] });
    expect(await menuItems()).toEqual(['Dashboard', 'Guides', 'Hospitals', 'Reports']);
    expect(await screen.findByText('No reports yet')).toBeInTheDocument();
  });

  it('never loads users for an EDITOR who goes to /users', async () => {
    const getList = vi.fn(async () => ({ data: [{ id: 1, username: 'secret-admin' }], total: 1 }));
    renderApp('/users', { roles: ['EDITOR'], dataProvider: fakeDataProvider({ getList: getList as never }) });
    await screen.findByRole('menuitem', { name: 'Guides' });
    await waitFor(() => expect(screen.queryByText('secret-admin')).not.toBeInTheDocument());
    expect(getList).not.toHaveBeenCalledWith('users', expect.anything());
    expect(screen.queryByRole('menuitem', { name: 'Users' })).not.toBeInTheDocument();
  });
});
