import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { CONFLICT_MESSAGE } from '../http';
import { jsonResponse, problemResponse } from '../test/fetchMock';
import type { Call } from '../test/fetchMock';
import { fakeDataProvider, renderApp } from '../test/renderApp';
import { SAMPLE, mockGuideApi } from './testGuides';

function setup(
  opts: { update?: ReturnType<typeof vi.fn>; api?: (call: Call) => Response | undefined; roles?: string[] } = {},
) {
  const update = opts.update ?? vi.fn(async (_r: string, p: { data: object }) => ({ data: { ...SAMPLE, ...p.data, version: 4 } }));
  const getOne = vi.fn(async () => ({ data: SAMPLE }));
  const fetch = mockGuideApi(opts.api);
  renderApp('/guides/7', {
    roles: opts.roles ?? ['EDITOR'],
    dataProvider: fakeDataProvider({ getOne: getOne as never, update: update as never }),
  });
  return { update, getOne, fetch };
}

// react-admin shows an item's buttons on hover only (CSS visibility), so jsdom counts them as hidden
const removeButtons = () => screen.getAllByText('Remove section').map((text) => text.closest('button') as HTMLElement);
const preview = () => screen.getByRole('region', { name: 'Preview' });

describe('GuideEdit', { timeout: 120_000 }, () => {
  it('shows the sections in order and a live preview that follows the form', async () => {
    setup();
    const title = await screen.findByLabelText(/^Title/);
    await waitFor(() => expect(title).toHaveValue(SAMPLE.title));
    expect(screen.getAllByLabelText(/^Heading/).map((h) => (h as HTMLInputElement).value)).toEqual([
      'What Good Fit Looks Like',
      'Why Rankings Are Not Enough',
      'Related Resources',
      'FAQ',
    ]);
    await userEvent.clear(screen.getByLabelText(/^Section text/));
    await userEvent.click(screen.getByLabelText(/^Section text/));
    await userEvent.paste('Rankings are a starting point.');
    expect(within(preview()).getByText('Rankings are a starting point.')).toBeInTheDocument();
    expect(screen.getByText('Unpublished changes')).toBeInTheDocument();
  });

  it('saves the content with the version it read', async () => {
    const { update } = setup();
    await waitFor(() => expect(screen.getByLabelText(/^Title/)).toHaveValue(SAMPLE.title));
    await userEvent.click(screen.getByLabelText(/^Title/));
    await userEvent.paste(' (updated)');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0][1].data).toMatchObject({ version: 3, title: `${SAMPLE.title} (updated)` });
  });

  it('warns with a reload action when someone else saved meanwhile (409)', async () => {
    const update = vi.fn(async () => {
      throw new HttpError(CONFLICT_MESSAGE, 409, { status: 409, currentVersion: 5 });
    });
    const { getOne } = setup({ update });
    await waitFor(() => expect(screen.getByLabelText(/^Title/)).toHaveValue(SAMPLE.title));
    await userEvent.type(screen.getByLabelText(/^Title/), '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByText(/Someone else saved this guide meanwhile/);
    const calls = getOne.mock.calls.length;
    await userEvent.click(within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(getOne.mock.calls.length).toBeGreaterThan(calls));
  });

  it('removes a section only after confirmation', async () => {
    setup();
    await waitFor(() => expect(screen.getAllByLabelText(/^Heading/)).toHaveLength(4));
    await userEvent.click(removeButtons()[1]);
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getAllByLabelText(/^Heading/)).toHaveLength(4);
    await userEvent.click(removeButtons()[1]);
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.getAllByLabelText(/^Heading/)).toHaveLength(3));
    expect(within(preview()).queryByText('Why Rankings Are Not Enough')).not.toBeInTheDocument();
  });

  it('adds a section of a chosen type and a bullet to it', async () => {
    setup();
    await waitFor(() => expect(screen.getAllByLabelText(/^Heading/)).toHaveLength(4));
    await userEvent.click(await screen.findByRole('button', { name: 'Add section' }));
    await waitFor(() => expect(screen.getAllByLabelText(/^Heading/)).toHaveLength(5));
    const types = screen.getAllByLabelText(/^Section type/);
    await userEvent.click(types[types.length - 1]);
    await userEvent.click(await screen.findByRole('option', { name: 'Bullet list' }));
    await userEvent.click(screen.getAllByLabelText(/^Heading/)[4]);
    await userEvent.paste('Red Flags');
    expect(within(preview()).getByRole('heading', { name: 'Red Flags' })).toBeInTheDocument();
    const addBullet = screen.getAllByText('Add bullet').map((text) => text.closest('button') as HTMLElement);
    await userEvent.click(addBullet[addBullet.length - 1]);
    const bullets = await screen.findAllByLabelText(/^Bullet(?!s)/);
    await userEvent.click(bullets[bullets.length - 1]);
    await userEvent.paste('No written summary');
    expect(within(preview()).getByText('No written summary').tagName).toBe('LI');
  });

  it('asks before publishing and lists what is missing when the server refuses', async () => {
    const { fetch } = setup({
      api: (call) =>
        call.url.endsWith('/publish')
          ? problemResponse(400, {
              detail: 'The request has 2 invalid fields',
              errors: [
                { field: 'disclaimer', message: 'a published page needs the medical disclaimer' },
                { field: 'relatedGuides[0]', message: "links to guide 'x' (en), which does not exist or is not published" },
              ],
            })
          : undefined,
    });
    await waitFor(() => expect(screen.getByLabelText(/^Title/)).toHaveValue(SAMPLE.title));
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Publish this guide?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('The guide cannot be published yet')).toBeInTheDocument();
    expect(screen.getByText('disclaimer')).toBeInTheDocument();
    expect(screen.getByText('relatedGuides[0]')).toBeInTheDocument();
    const publish = fetch.calls.find((c) => c.url.endsWith('/publish'));
    expect(publish?.body).toEqual({ version: 3 });
  });

  it('compares a revision with the current one and restores it after confirmation', async () => {
    const { fetch } = setup({
      api: (call) => (call.url.endsWith('/restore') ? jsonResponse({ ...SAMPLE, version: 4, currentRevision: 5 }) : undefined),
    });
    const history = await screen.findByRole('region', { name: 'Revision history' });
    await within(history).findByText(/Revision 3/);
    await userEvent.click(within(history).getByRole('button', { name: 'Compare' }));
    const table = await screen.findByRole('table', { name: 'Differences' });
    expect(table).toHaveTextContent('title');
    expect(table).toHaveTextContent('Old');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await userEvent.click(await within(history).findByRole('button', { name: 'Restore' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Restore revision 3?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(fetch.calls.some((c) => c.url === '/api/guides/7/revisions/3/restore')).toBe(true));
    expect(fetch.calls.find((c) => c.url.endsWith('/restore'))?.body).toEqual({ version: 3 });
  });
});
