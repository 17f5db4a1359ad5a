import type { ComponentType } from 'react';
import { Admin, Resource } from 'react-admin';
import { BrowserRouter } from 'react-router-dom';
import { authProvider as defaultAuthProvider } from './authProvider';
import { dataProvider as defaultDataProvider } from './dataProvider';
import { Layout } from './Layout';
import { ICONS } from './Menu';
import { PlannedPage } from './planned/PlannedPage';
import { FEATURES, SUB_RESOURCES, canRead, canWrite } from './roles';
import type { AuthProvider, DataProvider, Store } from 'react-admin';
import { UserCreate } from './users/UserCreate';
import { UserEdit } from './users/UserEdit';
import { UserList } from './users/UserList';
import { PossibleDuplicateList } from './waitlist/PossibleDuplicateList';
import { WaitlistList } from './waitlist/WaitlistList';
import { WaitlistShow } from './waitlist/WaitlistShow';
import { WindowCreate } from './windows/WindowCreate';
import { WindowList } from './windows/WindowList';
import { WindowShow } from './windows/WindowShow';

const SCREENS: Record<string, { list: ComponentType; create?: ComponentType; edit?: ComponentType; show?: ComponentType }> = {
  users: { list: UserList, create: UserCreate, edit: UserEdit },
  waitlist: { list: WaitlistList, show: WaitlistShow },
  windows: { list: WindowList, create: WindowCreate, show: WindowShow },
};

/** Screens of the resources that live inside a feature (no menu entry of their own). */
const SUB_SCREENS: Record<string, ComponentType> = {
  'waitlist-possible-duplicates': PossibleDuplicateList,
};

/** One stable placeholder component per planned feature. */
const PLANNED: Record<string, ComponentType> = Object.fromEntries(
  FEATURES.map((f) => {
    const Planned = () => <PlannedPage feature={f.label} />;
    Planned.displayName = `Planned(${f.label})`;
    return [f.resource, Planned];
  }),
);

export interface AppProps {
  authProvider?: AuthProvider;
  dataProvider?: DataProvider;
  store?: Store;
}

/** The admin itself, without a router (tests wrap it in a MemoryRouter). */
export const AdminApp = ({ authProvider = defaultAuthProvider, dataProvider = defaultDataProvider, store }: AppProps) => (
  <Admin
    title="Jade Crane back-office"
    authProvider={authProvider}
    dataProvider={dataProvider}
    layout={Layout}
    requireAuth
    store={store}
    disableTelemetry
  >
    {(permissions: string[] | undefined) => [
      ...FEATURES.filter((f) => canRead(permissions, f.resource)).map((f) => {
        const screens = SCREENS[f.resource];
        const writable = canWrite(permissions, f.resource);
        return (
          <Resource
            key={f.resource}
            name={f.resource}
            options={{ label: f.label }}
            icon={ICONS[f.resource]}
            list={f.planned || !screens ? PLANNED[f.resource] : screens.list}
            create={!f.planned && writable ? screens?.create : undefined}
            edit={!f.planned && writable ? screens?.edit : undefined}
            show={!f.planned ? screens?.show : undefined}
          />
        );
      }),
      ...Object.entries(SUB_RESOURCES)
        .filter(([sub]) => canRead(permissions, sub))
        .map(([sub]) => <Resource key={sub} name={sub} list={SUB_SCREENS[sub]} />),
    ]}
  </Admin>
);

/** Browser routing: Spring Boot serves index.html for unknown non-API paths. */
const App = () => (
  <BrowserRouter>
    <AdminApp />
  </BrowserRouter>
);

export default App;
