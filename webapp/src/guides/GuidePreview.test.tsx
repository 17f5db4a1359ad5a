import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GuidePreview } from './GuidePreview';
import { SAMPLE } from './testGuides';

describe('GuidePreview', () => {
  it('lays out the page like the public site: title, short answer, sections, disclaimer, call to action', () => {
    render(<GuidePreview guide={SAMPLE} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(SAMPLE.title!);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Short Answer',
      'What Good Fit Looks Like',
      'Why Rankings Are Not Enough',
      'Related Resources',
      'FAQ',
      'Medical Disclaimer',
    ]);
    expect(screen.getByText('Strong department alignment').tagName).toBe('LI');
    expect(screen.getByRole('link', { name: 'How We Verify' })).toHaveAttribute('href', '/guides/how-we-verify');
    expect(screen.getByText('Do rankings decide?').tagName).toBe('DT');
    expect(screen.getByRole('button', { name: 'Join the waitlist' })).toBeInTheDocument();
    expect(screen.getByText('not').tagName).toBe('STRONG');
  });

  it('shows HTML typed into the text as text', () => {
    const { container } = render(
      <GuidePreview
        guide={{
          title: '<img src=x onerror=alert(1)>',
          summary: '<script>alert(1)</script>',
          sections: [{ type: 'LINKS', heading: 'L', links: [{ label: 'bad', href: 'javascript:alert(1)' }] }],
        }}
      />,
    );
    expect(container.querySelector('script, img')).toBeNull();
    expect(screen.getByText('<script>alert(1)</script>')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'bad' })).not.toBeInTheDocument();
  });
});
