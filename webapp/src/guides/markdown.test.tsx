import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isSafeHref, renderBlocks, renderInline } from './markdown';

describe('markdown subset', () => {
  it('renders bold, italic and safe links as elements', () => {
    const { container } = render(<p>{renderInline('a **b** *c* [d](https://x.org) [e](/guides/y)')}</p>);
    expect(container.querySelector('strong')).toHaveTextContent('b');
    expect(container.querySelector('em')).toHaveTextContent('c');
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://x.org', '/guides/y']);
  });

  it('never turns HTML or javascript: links into markup', () => {
    const { container } = render(
      <div>{renderBlocks('<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))')}</div>,
    );
    expect(container.querySelector('script, img, a')).toBeNull();
    expect(container).toHaveTextContent('<script>alert(1)</script> <img src=x onerror=alert(1)> x');
  });

  it('makes lists of "- " lines and paragraphs of blank-line separated blocks', () => {
    const { container } = render(<div>{renderBlocks('First\n\n- one\n- two')}</div>);
    expect(container.querySelectorAll('p')).toHaveLength(1);
    expect(container.querySelectorAll('li')).toHaveLength(2);
  });

  it('accepts only https:, http: and site-relative links', () => {
    expect(isSafeHref('https://a.org')).toBe(true);
    expect(isSafeHref('/guides/x')).toBe(true);
    expect(isSafeHref('//evil.org')).toBe(false);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref('data:text/html,x')).toBe(false);
  });
});
