/** JSON text indented for reading; text that is not JSON comes back as it is. */
export function prettyJson(text: string | null | undefined): string {
  if (text == null || text === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
