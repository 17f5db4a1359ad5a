import { describe, expect, it } from 'vitest';
import { prettyJson } from './prettyJson';

describe('prettyJson', () => {
  it('indents JSON text', () => {
    expect(prettyJson('{"username":"ed","remoteAddress":"10.0.0.1"}')).toBe('{\n  "username": "ed",\n  "remoteAddress": "10.0.0.1"\n}');
  });
  it('leaves other text and blanks alone', () => {
    expect(prettyJson('not json {')).toBe('not json {');
    expect(prettyJson(null)).toBe('');
    expect(prettyJson('')).toBe('');
  });
});
