import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../test/fetchMock';
import { fakeDataProvider, renderApp } from '../test/renderApp';

const WINDOWS = [
  {
    id: 4, version: 0, startsAt: '2027-05-04T09:00:00+08:00', endsAt: '2027-05-04T12:00:00+08:00', timeZone: 'Asia/Shanghai',
    specialty: 'oncology', languages: ['en', 'zh'], interpreterAvailable: true, capacity: 5, seatsTaken: 3, seatsFree: 2,
    status: 'OPEN', coordinator: 'Li Wei',
  },
];

afterEach(() => vi.unstubAllGlobals());

describe('WindowList', () => {
  it('lists windows in their own zone with seats taken and free', async () => {
    const getList = vi.fn(async () => ({ data: WINDOWS, total: 1 }));
    renderApp('/windows', { roles: ['OPS'], dataProvider: fakeDataProvider({ getList: getList as never }) });

    const row = (await screen.findByText('Li Wei', {}, { timeout: 5000 })).closest('tr') as HTMLElement;
    expect(within(row).getByText('2027-05-04 09:00 – 12:00 (Asia/Shanghai)')).toBeInTheDocument();
    expect(within(row).getByText('3 taken / 2 free')).toBeInTheDocument();
    expect(within(row).getByText('interpreter')).toBeInTheDocument();
    expect(getList).toHaveBeenCalledWith('windows', expect.objectContaining({ sort: { field: 'startsAt', order: 'ASC' } }));
  });

  it('runs a dry run through the jobs API and shows who would go where and who would not', async () => {
    const { calls } = mockFetch((call) => {
      if (call.url.endsWith('/api/jobs/windowAllocationJob/executions')) return jsonResponse({ executionId: 12 }, 202);
      if (call.url.endsWith('/api/jobs/executions/12')) return jsonResponse({ executionId: 12, status: 'COMPLETED' });
      if (call.url.includes('/outcomes')) {
        return jsonResponse([
          { queuePosition: 1, entryId: 7, fullName: 'Ana Silva', preferredLanguage: 'pt', personTimeZone: 'Europe/Lisbon',
            specialties: ['oncology'], windowId: 4, windowSpecialty: 'oncology', windowStartsAt: '2027-05-04T09:00:00+08:00',
            windowStartsAtForPerson: '2027-05-04T02:00:00+01:00' },
          { queuePosition: 2, entryId: 8, fullName: 'Bo Chen', preferredLanguage: 'fr', personTimeZone: 'Europe/Paris',
            specialties: ['oncology'], reason: 'NO_WINDOW_FOR_LANGUAGE' },
          { queuePosition: 3, entryId: 9, fullName: 'Cara Lima', preferredLanguage: 'en', personTimeZone: 'Asia/Tokyo',
            specialties: ['oncology'], reason: 'NO_WINDOW_WITH_ENOUGH_NOTICE' },
        ]);
      }
      return jsonResponse({ jobExecutionId: 12, dryRun: true, runAt: '2026-11-25T00:00:00Z', allocated: 1, unallocated: 2,
        reasons: [{ reason: 'NO_WINDOW_FOR_LANGUAGE', entries: 1 }, { reason: 'NO_WINDOW_WITH_ENOUGH_NOTICE', entries: 1 }] });
    });
    renderApp('/windows', { roles: ['OPS'] });

    await userEvent.click(await screen.findByRole('tab', { name: 'Dry run' }, { timeout: 5000 }));
    await userEvent.click(screen.getByRole('button', { name: 'Start dry run' }));

    const table = await screen.findByRole('table', { name: 'Dry run result' }, { timeout: 5000 });
    expect(within(table).getByText(/Window 4: oncology, 2027-05-04 09:00 window time, 2027-05-04 02:00 their time/))
      .toBeInTheDocument();
    expect(within(table).getByText('No seat: No window in the language (and no interpreter)')).toBeInTheDocument();
    expect(within(table).getByText('No seat: Fitting windows all start within the minimum notice')).toBeInTheDocument();
    expect(screen.getByText('Fitting windows all start within the minimum notice: 1')).toBeInTheDocument();
    expect(screen.getByText(/would allocate 1, would leave 2 without a seat/)).toBeInTheDocument();
    const launch = calls.find((c) => c.url.endsWith('/executions'));
    expect(launch?.method).toBe('POST');
    expect(launch?.body).toEqual({ parameters: { dryRun: 'true' } });
  });
});
