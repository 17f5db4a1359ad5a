import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeDataProvider, renderApp } from '../test/renderApp';
import { SAMPLE, mockGuideApi } from './testGuides';

const soon = new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const DUE = { ...SAMPLE, id: 8, slug: 'due-soon', title: 'Due soon', status: 'DRAFT', hasUnpublishedChanges: true, medicalReview: { nextReviewDue: soon } };

function setup(getList = vi.fn(async () => ({ data: [SAMPLE, DUE], total: 2 })), roles = ['EDITOR']) {
  mockGuideApi();
  renderApp('/guides', { roles, dataProvider: fakeDataProvider({ getList: getList as never }) });
  return { getList };
}

describe('GuideList', () => {
  it('shows status chips, unpublished changes and a review-due warning', async () => {
    setup();
    expect(await screen.findByText(SAMPLE.title!)).toBeInTheDocument();
    expect(screen.getByText('Published')).toBeInTheDocument();
    expect(screen.getByText('Unpublished changes')).toBeInTheDocument();
    expect(screen.getByText(`Review due ${soon}`)).toBeInTheDocument();
    expect(screen.getByText('2027-05-01')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create guide' })).toBeInTheDocument();
  });

  it('searches and filters by status and review due soon', async () => {
    const { getList } = setup();
    await screen.findByText(SAMPLE.title!);
    await userEvent.type(screen.getByPlaceholderText('Search title or slug'), 'cancer');
    await waitFor(() =>
      expect(getList).toHaveBeenLastCalledWith('guides', expect.objectContaining({ filter: expect.objectContaining({ q: 'cancer' }) })),
    );
    await userEvent.click(screen.getByLabelText('Review due soon'));
    await waitFor(() =>
      expect(getList).toHaveBeenLastCalledWith('guides', expect.objectContaining({ filter: expect.objectContaining({ reviewDueSoon: true }) })),
    );
  });

  it('shows an empty state, without a create button for read-only roles', async () => {
    setup(vi.fn(async () => ({ data: [], total: 0 })), ['LEADERSHIP']);
    expect(await screen.findByText('No guide pages yet')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Create guide' })).not.toBeInTheDocument();
  });
});
