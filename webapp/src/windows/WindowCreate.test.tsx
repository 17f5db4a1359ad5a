import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../test/fetchMock';
import { renderApp } from '../test/renderApp';

afterEach(() => vi.unstubAllGlobals());

describe('WindowCreate', () => {
  it('creates a recurring series from days of the week, times and weeks', async () => {
    const { calls } = mockFetch((call) => {
      if (call.url.endsWith('/api/specialties')) {
        return jsonResponse([{ code: 'oncology', name: 'Oncology', active: true, sortOrder: 1 }]);
      }
      return jsonResponse({ id: 3, description: 'TUESDAY, THURSDAY 09:00-12:00', windowCount: 12 }, 201);
    });
    renderApp('/windows/create?series=true', { roles: ['OPS'] });

    await userEvent.type(await screen.findByLabelText(/First day/, {}, { timeout: 5000 }), '2027-05-03');
    await userEvent.click(screen.getByLabelText('Tuesday'));
    await userEvent.click(screen.getByLabelText('Thursday'));
    await userEvent.type(screen.getByLabelText(/Start time/), '09:00');
    await userEvent.type(screen.getByLabelText(/End time/), '12:00');
    await userEvent.click(screen.getByLabelText(/Specialty/));
    await userEvent.click(await screen.findByRole('option', { name: 'Oncology' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/api/windows/series'))).toBe(true), { timeout: 5000 });
    const post = calls.find((c) => c.url.endsWith('/api/windows/series'));
    expect(post?.body).toMatchObject({
      startDate: '2027-05-03', weeks: 6, daysOfWeek: ['TUESDAY', 'THURSDAY'], startTime: '09:00', endTime: '12:00',
      timeZone: 'Asia/Shanghai', specialty: 'oncology', languages: ['en'], capacity: 5, status: 'OPEN',
    });
  });
});
