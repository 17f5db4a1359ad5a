import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeDataProvider, renderApp } from '../test/renderApp';
import { mockGuideApi } from './testGuides';

describe('GuideCreate', { timeout: 60_000 }, () => {
  it('checks the slug and creates a draft with the fields typed', async () => {
    mockGuideApi();
    const create = vi.fn(async (_r: string, p: { data: object }) => ({ data: { ...p.data, id: 11, version: 0 } }));
    const getOne = vi.fn(async () => ({ data: { id: 11, version: 0, status: 'DRAFT', slug: 'new-guide', locale: 'en', title: 'New guide', sections: [] } }));
    renderApp('/guides/create', { roles: ['EDITOR'], dataProvider: fakeDataProvider({ create: create as never, getOne: getOne as never }) });

    await userEvent.type(await screen.findByLabelText(/^Slug/), 'Not A Slug');
    await userEvent.type(screen.getByLabelText(/^Title/), 'New guide');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Lower-case letters and digits/)).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText(/^Slug/));
    await userEvent.type(screen.getByLabelText(/^Slug/), 'new-guide');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0][1].data).toMatchObject({ slug: 'new-guide', locale: 'en', title: 'New guide', sections: [] });
  });

  it('is not offered to read-only roles', async () => {
    mockGuideApi();
    renderApp('/guides/create', { roles: ['OPS'] });
    await screen.findByRole('menuitem', { name: 'Guides' });
    expect(screen.queryByLabelText(/^Slug/)).not.toBeInTheDocument();
  });
});
