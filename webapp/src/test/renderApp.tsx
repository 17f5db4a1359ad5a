import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { memoryStore, testDataProvider } from 'react-admin';
import type { AuthProvider, DataProvider } from 'react-admin';
import { vi } from 'vitest';
import { AdminApp } from '../App';
import { canDo } from '../roles';

export function fakeAuthProvider(roles: string[], username = 'tester'): AuthProvider {
  return {
    login: vi.fn(async () => undefined),
    logout: vi.fn(async () => undefined),
    checkAuth: vi.fn(async () => undefined),
    checkError: vi.fn(async () => undefined),
    getPermissions: vi.fn(async () => roles),
    getIdentity: vi.fn(async () => ({ id: username, fullName: username })),
    canAccess: vi.fn(async ({ resource, action }) => canDo(roles, resource, action)),
  };
}

export function fakeDataProvider(overrides: Partial<DataProvider>): DataProvider {
  return testDataProvider({
    getList: vi.fn(async () => ({ data: [], total: 0 })) as DataProvider['getList'],
    getManyReference: vi.fn(async () => ({ data: [], total: 0 })) as DataProvider['getManyReference'],
    ...overrides,
  });
}

/** Renders the whole admin at `path` with fake providers. */
export function renderApp(path: string, opts: { roles?: string[]; dataProvider?: DataProvider } = {}) {
  const authProvider = fakeAuthProvider(opts.roles ?? ['ADMIN']);
  const dataProvider = opts.dataProvider ?? fakeDataProvider({});
  const utils = render(
    <MemoryRouter initialEntries={[path]}>
      <AdminApp authProvider={authProvider} dataProvider={dataProvider} store={memoryStore()} />
    </MemoryRouter>,
  );
  return { ...utils, authProvider, dataProvider };
}
