import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { CONFLICT_MESSAGE } from '../http';
import { fakeDataProvider, renderApp } from '../test/renderApp';

const ED = { id: 2, username: 'ed', displayName: 'Ed', email: 'ed@jc.example', roles: ['EDITOR'], enabled: true, version: 4, createdAt: '2026-11-02T10:00:00Z' };

function setup(update = vi.fn(async (_r: string, p: { data: object }) => ({ data: { ...p.data, version: 5 } }))) {
  const getOne = vi.fn(async () => ({ data: ED }));
  const getList = vi.fn(async () => ({ data: [ED], total: 1 }));
  renderApp('/users/2', { dataProvider: fakeDataProvider({ getOne: getOne as never, getList: getList as never, update: update as never }) });
  return { update };
}

describe('UserEdit', () => {
  it('shows the username read-only and offers no delete', async () => {
    setup();
    const username = await screen.findByLabelText(/^Username/);
    await waitFor(() => expect(username).toHaveValue('ed'));
    expect(username).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/^Password/)).not.toBeInTheDocument();
  });

  it('saves role changes with the version it read', async () => {
    const { update } = setup();
    await waitFor(() => expect(screen.getByLabelText(/^Email/)).toHaveValue('ed@jc.example'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ops' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0][1].data).toMatchObject({ roles: ['EDITOR', 'OPS'], version: 4, enabled: true });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks for confirmation before disabling, and does nothing on cancel', async () => {
    const { update } = setup();
    const toggle = await screen.findByRole('switch', { name: 'Enabled' }).catch(() => screen.getByLabelText('Enabled'));
    await waitFor(() => expect(toggle).toBeChecked());
    await userEvent.click(toggle);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Disable this user?');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(update).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('dialog');
    await userEvent.click(screen.getByRole('button', { name: 'Disable user' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0][1].data).toMatchObject({ enabled: false, version: 4 });
  });

  it('tells the user to reload when someone else saved meanwhile (409)', async () => {
    const update = vi.fn(async () => {
      throw new HttpError(CONFLICT_MESSAGE, 409, { status: 409, detail: 'stale' });
    });
    setup(update as never);
    await waitFor(() => expect(screen.getByLabelText(/^Display name/)).toHaveValue('Ed'));
    await userEvent.type(screen.getByLabelText(/^Display name/), 'die');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(CONFLICT_MESSAGE)).toBeInTheDocument();
  });
});
