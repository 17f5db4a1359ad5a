import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { fakeDataProvider, renderApp } from '../test/renderApp';

async function fillForm(password: string) {
  await userEvent.type(await screen.findByLabelText(/^Username/), 'new-editor');
  await userEvent.type(screen.getByLabelText(/^Display name/), 'New Editor');
  await userEvent.type(screen.getByLabelText(/^Email/), 'new@jc.example');
  await userEvent.type(screen.getByLabelText(/^Password/), password);
  await userEvent.click(screen.getByRole('checkbox', { name: 'Editor' }));
}

describe('UserCreate', () => {
  it('hints at the password length and refuses a short password', async () => {
    const create = vi.fn();
    renderApp('/users/create', { dataProvider: fakeDataProvider({ create }) });
    expect(await screen.findByText('At least 12 characters')).toBeInTheDocument();
    await fillForm('short');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText(/^Password/)).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText(/^Username/)).toHaveAttribute('aria-invalid', 'false');
    expect(create).not.toHaveBeenCalled();
  });

  it('requires username, password and a role', async () => {
    const create = vi.fn();
    renderApp('/users/create', { dataProvider: fakeDataProvider({ create }) });
    await userEvent.type(await screen.findByLabelText(/^Display name/), 'Someone');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose at least one role')).toBeInTheDocument();
    expect(screen.getAllByText('Required').length).toBeGreaterThanOrEqual(2);
    expect(create).not.toHaveBeenCalled();
  });

  it('creates the user with the chosen roles', async () => {
    const create = vi.fn(async (_r: string, p: { data: object }) => ({ data: { id: 5, ...p.data } }));
    renderApp('/users/create', { dataProvider: fakeDataProvider({ create: create as never }) });
    await fillForm('a-very-long-password');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0][0]).toBe('users');
    expect(create.mock.calls[0][1].data).toMatchObject({
      username: 'new-editor',
      displayName: 'New Editor',
      email: 'new@jc.example',
      password: 'a-very-long-password',
      roles: ['EDITOR'],
    });
  });

  it('shows server-side validation messages under the right field', async () => {
    const create = vi.fn(async () => {
      throw new HttpError('Some fields are not valid', 400, {
        errors: { username: 'is already taken', root: { serverError: 'Some fields are not valid' } },
      });
    });
    renderApp('/users/create', { dataProvider: fakeDataProvider({ create: create as never }) });
    await fillForm('a-very-long-password');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const message = await screen.findByText('is already taken');
    expect(screen.getByLabelText(/^Username/)).toHaveAttribute('aria-invalid', 'true');
    expect(message.id).toBe(screen.getByLabelText(/^Username/).getAttribute('aria-describedby')?.split(' ')[0]);
    expect(await screen.findByText('Some fields are not valid')).toBeInTheDocument();
  });
});
