import type { AuthProvider } from 'react-admin';
import { HttpError } from 'react-admin';
import { FORBIDDEN_MESSAGE, http } from './http';
import { canDo, featureOf } from './roles';

export interface Me {
  username: string;
  roles: string[];
}

let current: Me | null = null;

async function fetchMe(): Promise<Me> {
  const { json } = await http<Me>('/api/auth/me');
  current = { username: json.username, roles: json.roles ?? [] };
  return current;
}

async function me(): Promise<Me> {
  return current ?? fetchMe();
}

/** Forget the signed-in user (used on logout and by tests). */
export function resetAuthCache(): void {
  current = null;
}

export const authProvider: AuthProvider = {
  async login(params: { username?: string; password?: string }) {
    try {
      const { json } = await http<Me>('/api/auth/login', {
        method: 'POST',
        body: { username: params.username, password: params.password },
      });
      current = { username: json.username, roles: json.roles ?? [] };
    } catch (e) {
      current = null;
      if (e instanceof HttpError && e.status === 401) {
        throw new Error(e.message || 'Wrong username or password.');
      }
      throw e;
    }
  },

  async logout() {
    current = null;
    try {
      await http('/api/auth/logout', { method: 'POST' });
    } catch {
      // already signed out or server unreachable: nothing more to do
    }
  },

  async checkAuth() {
    // Always ask the server: the session may have expired meanwhile.
    await fetchMe();
  },

  async checkError(error: { status?: number }) {
    const status = error?.status;
    if (status === 401) {
      current = null;
      throw new Error('Your session has ended. Please sign in again.');
    }
    if (status === 403) {
      // Signed in, but this role may not do that: stay signed in, tell the user.
      throw { logoutUser: false, message: FORBIDDEN_MESSAGE };
    }
  },

  async getIdentity() {
    const m = await me();
    return { id: m.username, fullName: m.username };
  },

  async getPermissions() {
    try {
      return (await me()).roles;
    } catch {
      return [];
    }
  },

  async canAccess({ resource, action }: { resource: string; action: string }) {
    // Resources outside the role table (none today) are left to the server to police.
    if (!featureOf(resource)) return true;
    try {
      return canDo((await me()).roles, resource, action);
    } catch {
      return false;
    }
  },
};
