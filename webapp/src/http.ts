import { HttpError } from 'react-admin';

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

export const CONFLICT_MESSAGE =
  'Someone else saved this meanwhile; reload to see their changes, then apply yours again.';
export const FORBIDDEN_MESSAGE = 'You are not allowed to do this.';

/** RFC 9457 problem details as sent by the backend. */
export interface Problem {
  type?: string;
  status?: number;
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  [key: string]: unknown;
}

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  json: T;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads a cookie from document.cookie at call time (the value may be refreshed by the server). */
export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      return decodeURIComponent(part.slice(eq + 1).trim());
    }
  }
  return undefined;
}

function pathOf(url: string): string {
  try {
    return new URL(url, window.location.origin).pathname;
  } catch {
    return url;
  }
}

/** Does this request need the CSRF header? */
export function needsCsrf(method: string, url: string): boolean {
  if (!MUTATING.has(method.toUpperCase())) return false;
  const path = pathOf(url);
  if (!path.startsWith('/api/')) return false;
  if (path === '/api/auth/login') return false;
  if (path.startsWith('/api/public/')) return false;
  return true;
}

async function csrfToken(): Promise<string | undefined> {
  let token = readCookie(CSRF_COOKIE);
  if (!token) {
    // The server sets the cookie on any request; /me is cheap and harmless (401 is fine here).
    try {
      await fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    } catch {
      // ignore: the mutating request will fail with a clear error
    }
    token = readCookie(CSRF_COOKIE);
  }
  return token;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Turns `errors: [{field, message}]` into `{field: message}` (react-admin server-side validation). */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    if (!e || !e.field) continue;
    out[e.field] = out[e.field] ? `${out[e.field]}; ${e.message}` : e.message;
  }
  return out;
}

/** Builds the react-admin HttpError for a failed response. */
export function toHttpError(status: number, statusText: string, body: unknown): HttpError {
  const problem: Problem | undefined = body && typeof body === 'object' ? (body as Problem) : undefined;
  const detail = problem?.detail || problem?.title || (typeof body === 'string' && body.length < 300 ? body : '') || statusText || `HTTP ${status}`;
  let message = detail;
  if (status === 409) message = CONFLICT_MESSAGE;
  else if (status === 403 && !problem?.detail) message = FORBIDDEN_MESSAGE;

  const errors = fieldErrors(problem);
  const errorBody: Record<string, unknown> = { ...(problem ?? {}), status, detail };
  if (Object.keys(errors).length > 0) {
    // react-admin maps body.errors onto form fields; root.serverError becomes the notification.
    errorBody.errors = { ...errors, root: { serverError: detail } };
  } else {
    delete errorBody.errors;
  }
  return new HttpError(message, status, errorBody);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Sends the request (cookies, CSRF header on mutating /api calls); a failed response becomes an HttpError. */
async function send(url: string, options: RequestOptions): Promise<Response> {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...(options.headers ?? {}) };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === 'string' || options.body instanceof FormData || options.body instanceof Blob) {
      body = options.body as BodyInit;
    } else {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
  }
  if (needsCsrf(method, url)) {
    const token = await csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new HttpError('The server cannot be reached. Check your connection and try again.', 0, {});
  }
  if (!response.ok) {
    throw toHttpError(response.status, response.statusText, await readBody(response));
  }
  return response;
}

/**
 * fetch wrapper for the back-office API: same-origin cookies, JSON in and out,
 * CSRF header on mutating /api calls, problem+json errors as react-admin HttpError.
 */
export async function http<T = unknown>(url: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
  const response = await send(url, options);
  return { status: response.status, headers: response.headers, json: (await readBody(response)) as T };
}

export interface FileResult {
  blob: Blob;
  /** The name from `Content-Disposition`, when the server gave one. */
  fileName?: string;
}

/** The file name of a `Content-Disposition` header (RFC 6266: `filename*=UTF-8''...` wins over `filename=`). */
export function dispositionFileName(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = header.match(/filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // malformed escape: fall back to the plain parameter
    }
  }
  const plain = header.match(/filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/);
  if (!plain) return undefined;
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2];
}

/** GETs a file (a report, an export) with the session; errors are the same HttpError as http()'s. */
export async function httpFile(url: string, options: RequestOptions = {}): Promise<FileResult> {
  const response = await send(url, { ...options, headers: { Accept: '*/*', ...(options.headers ?? {}) } });
  return { blob: await response.blob(), fileName: dispositionFileName(response.headers.get('Content-Disposition')) };
}

/**
 * What the server said went wrong: its problem `detail` (for a 409 such as a job "already running"
 * this explains more than the generic conflict message http() puts in the error).
 */
export function problemDetail(error: unknown): string {
  if (error instanceof HttpError) {
    const detail = (error.body as { detail?: unknown } | undefined)?.detail;
    if (typeof detail === 'string' && detail) return detail;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
