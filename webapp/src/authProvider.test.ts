import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authProvider, resetAuthCache } from './authProvider';
import { jsonResponse, mockFetch, problemResponse, setCookie } from './test/fetchMock';

beforeEach(() => resetAuthCache());
afterEach(() => vi.unstubAllGlobals());

describe('authProvider', () => {
  it('login posts the credentials and remembers roles and identity', async () => {
    const { calls } = mockFetch(() => jsonResponse({ username: 'ann', roles: ['EDITOR'] }));
    await authProvider.login({ username: 'ann', password: 'secret-secret' });
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/auth/login', body: { username: 'ann', password: 'secret-secret' } });
    expect(calls[0].headers['x-xsrf-token']).toBeUndefined();
    expect(await authProvider.getPermissions!({})).toEqual(['EDITOR']);
    expect(await authProvider.getIdentity!()).toMatchObject({ id: 'ann', fullName: 'ann' });
    expect(calls).toHaveLength(1); // served from memory
  });

  it('login fails with the server detail on 401', async () => {
    mockFetch(() => problemResponse(401, { title: 'Unauthorized', detail: 'Wrong username or password' }));
    await expect(authProvider.login({ username: 'x', password: 'y' })).rejects.toThrow('Wrong username or password');
  });

  it('checkAuth asks /api/auth/me and fails on 401', async () => {
    let signedIn = true;
    const { calls } = mockFetch(() =>
      signedIn ? jsonResponse({ username: 'ann', roles: ['OPS'] }) : problemResponse(401, { title: 'Unauthorized' }),
    );
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    expect(calls[0].url).toBe('/api/auth/me');
    expect(await authProvider.getPermissions!({})).toEqual(['OPS']);
    signedIn = false;
    await expect(authProvider.checkAuth({})).rejects.toBeTruthy();
  });

  it('checkError logs out on 401 but stays signed in on 403 with a message', async () => {
    await expect(authProvider.checkError({ status: 401 })).rejects.toBeTruthy();
    await expect(authProvider.checkError({ status: 403 })).rejects.toMatchObject({
      logoutUser: false,
      message: expect.stringMatching(/not allowed/i),
    });
    await expect(authProvider.checkError({ status: 500 })).resolves.toBeUndefined();
    await expect(authProvider.checkError({ status: 409 })).resolves.toBeUndefined();
  });

  it('logout posts with the CSRF header and forgets the user', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const { calls } = mockFetch((c) =>
      c.url === '/api/auth/login' ? jsonResponse({ username: 'ann', roles: ['ADMIN'] }) : new Response(null, { status: 204 }),
    );
    await authProvider.login({ username: 'ann', password: 'p' });
    await authProvider.logout({});
    expect(calls[1]).toMatchObject({ method: 'POST', url: '/api/auth/logout' });
    expect(calls[1].headers['x-xsrf-token']).toBe('tok');
  });

  it('getPermissions is empty when nobody is signed in', async () => {
    mockFetch(() => problemResponse(401, { title: 'Unauthorized' }));
    expect(await authProvider.getPermissions!({})).toEqual([]);
  });

  it('canAccess follows the role table', async () => {
    mockFetch(() => jsonResponse({ username: 'lead', roles: ['LEADERSHIP'] }));
    await authProvider.login({ username: 'lead', password: 'p' });
    expect(await authProvider.canAccess!({ resource: 'reports', action: 'list' })).toBe(true);
    expect(await authProvider.canAccess!({ resource: 'guides', action: 'list' })).toBe(true);
    expect(await authProvider.canAccess!({ resource: 'guides', action: 'edit' })).toBe(false);
    expect(await authProvider.canAccess!({ resource: 'users', action: 'list' })).toBe(false);
    expect(await authProvider.canAccess!({ resource: 'jobs', action: 'list' })).toBe(false);
  });
});
