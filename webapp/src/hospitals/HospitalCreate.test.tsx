import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../test/fetchMock';
import { fakeDataProvider, renderApp } from '../test/renderApp';
import { cleanHospital } from './HospitalFormFields';
import { SPECIALTIES } from './testData';

describe('HospitalCreate', () => {
  it('creates an unchecked profile with the fields typed in', async () => {
    mockFetch(() => jsonResponse(SPECIALTIES));
    const create = vi.fn(async (_r: string, p: { data: object }) => ({ data: { ...p.data, id: 99 } }));
    renderApp('/hospitals/create', { roles: ['EDITOR'], dataProvider: fakeDataProvider({ create: create as never }) });

    await userEvent.type(await screen.findByLabelText(/^Name/), 'Lakeside Hospital');
    await userEvent.type(screen.getByLabelText(/^Slug/), 'lakeside-hospital');
    await userEvent.type(screen.getByLabelText(/^City/), 'Wuhan');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0][1].data).toMatchObject({
      name: 'Lakeside Hospital',
      slug: 'lakeside-hospital',
      city: 'Wuhan',
      fit: { outsidePathologyReview: false, followUpChannel: 'NONE', recordsRequired: [] },
      redFlagsObserved: [],
    });
  });

  it('refuses a slug that is not URL-safe before sending it', async () => {
    mockFetch(() => jsonResponse(SPECIALTIES));
    const create = vi.fn();
    renderApp('/hospitals/create', { roles: ['EDITOR'], dataProvider: fakeDataProvider({ create: create as never }) });
    await userEvent.type(await screen.findByLabelText(/^Name/), 'X');
    await userEvent.type(screen.getByLabelText(/^Slug/), 'Not a slug');
    await userEvent.type(screen.getByLabelText(/^City/), 'Wuhan');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Lower-case words joined by/)).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it('drops empty list rows before saving', () => {
    expect(
      cleanHospital({
        name: 'X',
        departments: [{ name: 'Oncology', specialties: [] }, { name: ' ' }],
        fit: { recordsRequired: ['Pathology', ''] },
        redFlagsObserved: [' ', 'Pressure to travel'],
      }),
    ).toEqual({
      name: 'X',
      departments: [{ name: 'Oncology', specialties: [] }],
      fit: { recordsRequired: ['Pathology'] },
      redFlagsObserved: ['Pressure to travel'],
    });
  });
});
