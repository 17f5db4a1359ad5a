import { httpFile } from './http';

/** Hands a blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * Downloads a file the API serves behind the session (a plain link would lose the problem+json of a
 * refusal); it is saved under the server's file name, else `fallbackName`.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  const { blob, fileName } = await httpFile(url);
  const name = fileName || fallbackName;
  saveBlob(blob, name);
  return name;
}
