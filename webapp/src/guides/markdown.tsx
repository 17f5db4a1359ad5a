import type { ReactNode } from 'react';

/**
 * The Markdown subset of guide text (bold, italic, links, "- " lists, paragraphs) as React
 * elements. Everything else stays literal text, which React escapes: no HTML is ever injected.
 * Links are kept only when they are https:, http: or site-relative, as the server requires.
 */
export function isSafeHref(href: string | undefined): boolean {
  if (!href) return false;
  if (href.startsWith('/')) return !href.startsWith('//') && !href.includes('\\');
  return /^https?:\/\/[^\s/]+/i.test(href);
}

const INLINE = /(\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\))/g;

export function renderInline(text: string | undefined): ReactNode[] {
  if (!text) return [];
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const key = `${at}`;
    if (match[2] !== undefined) out.push(<strong key={key}>{match[2]}</strong>);
    else if (match[3] !== undefined) out.push(<em key={key}>{match[3]}</em>);
    else if (isSafeHref(match[5])) out.push(<a key={key} href={match[5]} rel="nofollow">{match[4]}</a>);
    else out.push(match[4]);
    last = at + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Paragraphs separated by blank lines; a block whose lines all start with "- " is a list. */
export function renderBlocks(text: string | undefined): ReactNode[] {
  if (!text) return [];
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block, i) => {
      const lines = block.split('\n');
      if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
        return (
          <ul key={i}>
            {lines.map((line, j) => (
              <li key={j}>{renderInline(line.replace(/^\s*[-*]\s+/, ''))}</li>
            ))}
          </ul>
        );
      }
      return <p key={i}>{renderInline(block)}</p>;
    });
}
