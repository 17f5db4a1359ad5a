import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from 'react-admin';
import { CONFLICT_MESSAGE, dispositionFileName, http, httpFile, needsCsrf, readCookie } from './http';
import { jsonResponse, mockFetch, problemResponse, setCookie } from './test/fetchMock';

afterEach(() => vi.unstubAllGlobals());

describe('needsCsrf', () => {
  it('is required for mutating /api calls except login and public', () => {
    expect(needsCsrf('POST', '/api/admin/users')).toBe(true);
    expect(needsCsrf('put', '/api/guides/1')).toBe(true);
    expect(needsCsrf('DELETE', '/api/guides/1')).toBe(true);
    expect(needsCsrf('PATCH', '/api/guides/1')).toBe(true);
    expect(needsCsrf('POST', '/api/auth/logout')).toBe(true);
    expect(needsCsrf('GET', '/api/admin/users')).toBe(false);
    expect(needsCsrf('POST', '/api/auth/login')).toBe(false);
    expect(needsCsrf('POST', '/api/public/waitlist')).toBe(false);
    expect(needsCsrf('POST', '/management/shutdown')).toBe(false);
  });
});

describe('http', () => {
  it('sends the XSRF-TOKEN cookie value read at request time', async () => {
    const { calls } = mockFetch(() => jsonResponse({ id: 1 }, 201));
    setCookie('XSRF-TOKEN', 'first');
    await http('/api/guides', { method: 'POST', body: { title: 'x' } });
    setCookie('XSRF-TOKEN', 'refreshed');
    await http('/api/guides', { method: 'POST', body: { title: 'y' } });
    expect(calls.map((c) => c.headers['x-xsrf-token'])).toEqual(['first', 'refreshed']);
    expect(calls[0].headers['content-type']).toBe('application/json');
    expect(calls[0].body).toEqual({ title: 'x' });
  });

  it('uses same-origin credentials', async () => {
    const { fn } = mockFetch(() => jsonResponse([]));
    await http('/api/guides');
    expect(fn.mock.calls[0][1]).toMatchObject({ credentials: 'same-origin', method: 'GET' });
  });

  it('calls /api/auth/me first when no CSRF cookie exists yet', async () => {
    const { calls } = mockFetch((call) => {
      if (call.url === '/api/auth/me') {
        setCookie('XSRF-TOKEN', 'from-server');
        return jsonResponse({ username: 'a', roles: [] });
      }
      return jsonResponse({ id: 3 }, 201);
    });
    expect(readCookie('XSRF-TOKEN')).toBeUndefined();
    await http('/api/admin/users', { method: 'POST', body: {} });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/auth/me', 'POST /api/admin/users']);
    expect(calls[1].headers['x-xsrf-token']).toBe('from-server');
  });

  it('sends no CSRF header to login and public endpoints', async () => {
    const { calls } = mockFetch(() => jsonResponse({}));
    setCookie('XSRF-TOKEN', 'tok');
    await http('/api/auth/login', { method: 'POST', body: {} });
    await http('/api/public/waitlist', { method: 'POST', body: {} });
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.headers['x-xsrf-token'] === undefined)).toBe(true);
  });

  it('turns problem+json into an HttpError with detail and field errors', async () => {
    mockFetch(() =>
      problemResponse(400, {
        title: 'Bad Request',
        detail: 'Some fields are not valid',
        errors: [
          { field: 'username', message: 'is already taken' },
          { field: 'password', message: 'is too short' },
        ],
      }),
    );
    setCookie('XSRF-TOKEN', 'tok');
    const error = await http('/api/admin/users', { method: 'POST', body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('Some fields are not valid');
    expect(error.body.errors).toEqual({
      username: 'is already taken',
      password: 'is too short',
      root: { serverError: 'Some fields are not valid' },
    });
  });

  it('has no errors object when the problem names no field', async () => {
    mockFetch(() => problemResponse(404, { title: 'Not Found', detail: 'No guide 9' }));
    const error = await http('/api/guides/9').catch((e) => e);
    expect(error.message).toBe('No guide 9');
    expect(error.body.errors).toBeUndefined();
  });

  it('explains a 409 conflict as a concurrent edit', async () => {
    mockFetch(() => problemResponse(409, { title: 'Conflict', detail: 'version 2 is stale' }));
    setCookie('XSRF-TOKEN', 'tok');
    const error = await http('/api/guides/1', { method: 'PUT', body: { version: 2 } }).catch((e) => e);
    expect(error.status).toBe(409);
    expect(error.message).toBe(CONFLICT_MESSAGE);
    expect(error.message).toMatch(/someone else saved this meanwhile/i);
    expect(error.message).toMatch(/reload/i);
  });

  it('reports an unreachable server clearly', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await http('/api/guides').catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toMatch(/cannot be reached/);
  });
});

describe('httpFile', () => {
  it('answers the body and the file name the server gave, asking for any type', async () => {
    const { calls } = mockFetch(
      () => new Response('PK\u0003\u0004', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="funnel.xlsx"' } }),
    );
    const { blob, fileName } = await httpFile('/api/reports/1/file');
    expect(await blob.text()).toBe('PK\u0003\u0004');
    expect(fileName).toBe('funnel.xlsx');
    expect(calls[0].headers.accept).toBe('*/*');
  });

  it('turns a refusal into the same HttpError as http()', async () => {
    mockFetch(() => problemResponse(409, { title: 'Conflict', detail: 'Report 1 is not ready yet' }));
    const error = await httpFile('/api/reports/1/file').catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(409);
    expect(error.body.detail).toBe('Report 1 is not ready yet');
  });
});

describe('dispositionFileName', () => {
  it('reads quoted, bare and RFC 5987 names', () => {
    expect(dispositionFileName('attachment; filename="a b.xlsx"')).toBe('a b.xlsx');
    expect(dispositionFileName('attachment; filename=plain.xlsx')).toBe('plain.xlsx');
    expect(dispositionFileName('attachment; filename="fallback.xlsx"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9.xlsx')).toBe('résumé.xlsx');
    expect(dispositionFileName('attachment; filename="say \\"hi\\".xlsx"')).toBe('say "hi".xlsx');
    expect(dispositionFileName('attachment')).toBeUndefined();
    expect(dispositionFileName(null)).toBeUndefined();
  });
});
