import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { CONFLICT_MESSAGE } from '../http';
import { jsonResponse, mockFetch } from '../test/fetchMock';
import { fakeDataProvider, renderApp } from '../test/renderApp';
import { RIVERSIDE, SPECIALTIES } from './testData';

function setup(update = vi.fn(async (_r: string, p: { data: object }) => ({ data: { ...p.data, version: 4 } }))) {
  mockFetch(() => jsonResponse(SPECIALTIES));
  const getOne = vi.fn(async () => ({ data: RIVERSIDE }));
  renderApp('/hospitals/7', { roles: ['EDITOR'], dataProvider: fakeDataProvider({ getOne: getOne as never, update: update as never }) });
  return { update };
}

describe('HospitalEdit', () => {
  it('shows the fit criteria as a checklist worded like the guide', async () => {
    setup();
    const pathology = await screen.findByRole('switch', { name: 'Outside pathology review' });
    await waitFor(() => expect(pathology).toBeChecked());
    expect(screen.getByRole('switch', { name: 'Multidisciplinary team / tumour board' })).not.toBeChecked();
    expect(screen.getByText('Will the patient receive a translated written summary?')).toBeInTheDocument();
    expect(screen.getByText('A defined process for multidisciplinary input where relevant')).toBeInTheDocument();
    expect(screen.getByDisplayValue('Thoracic Oncology')).toBeInTheDocument();
    expect(screen.getByDisplayValue('Slow replies')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
  });

  it('saves with the version it read and without empty list rows', async () => {
    const { update } = setup();
    const mdt = await screen.findByRole('switch', { name: 'Multidisciplinary team / tumour board' });
    await waitFor(() => expect(screen.getByLabelText(/^Name/)).toHaveValue('Riverside Cancer Hospital'));
    await userEvent.click(mdt);
    // an added but empty red flag row is dropped before saving
    const addButtons = screen.getAllByRole('button', { name: /Add/ });
    await userEvent.click(addButtons[addButtons.length - 1]);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(update).toHaveBeenCalled());
    const data = update.mock.calls[0][1].data as typeof RIVERSIDE;
    expect(data.version).toBe(3);
    expect(data.fit.multidisciplinaryTeam).toBe(true);
    expect(data.redFlagsObserved).toEqual(['Slow replies']);
  });

  it('tells the editor to reload when someone else saved meanwhile (409)', async () => {
    setup(vi.fn(async () => {
      throw new HttpError(CONFLICT_MESSAGE, 409, { status: 409 });
    }) as never);
    await waitFor(() => expect(screen.getByLabelText(/^City/)).toHaveValue('Shanghai'));
    await userEvent.type(screen.getByLabelText(/^City/), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(CONFLICT_MESSAGE)).toBeInTheDocument();
  });
});
