import type { ComponentType } from 'react';
import { Admin, Resource } from 'react-admin';
import { BrowserRouter } from 'react-router-dom';
import { authProvider as defaultAuthProvider } from './authProvider';
import { dataProvider as defaultDataProvider } from './dataProvider';
import { Layout } from './Layout';
import { Dashboard } from './dashboard/Dashboard';
import { ICONS } from './Menu';
import { FEATURES, canRead, canWrite } from './roles';
import type { AuthProvider, DataProvider, Store } from 'react-admin';
import { ExecutionList } from './jobs/ExecutionList';
import { ExecutionShow } from './jobs/ExecutionShow';
import { JobList } from './jobs/JobList';
import { HospitalCreate } from './hospitals/HospitalCreate';
import { HospitalEdit } from './hospitals/HospitalEdit';
import { HospitalList } from './hospitals/HospitalList';
import { HospitalShow } from './hospitals/HospitalShow';
import { GuideCreate } from './guides/GuideCreate';
import { GuideEdit } from './guides/GuideEdit';
import { GuideList } from './guides/GuideList';
import { GuideShow } from './guides/GuideShow';
import { AuditList } from './audit/AuditList';
import { InvitationList } from './invitations/InvitationList';
import { InvitationShow } from './invitations/InvitationShow';
import { OutboxList } from './mail/OutboxList';
import { SuppressionCreate } from './mail/SuppressionCreate';
import { SuppressionList } from './mail/SuppressionList';
import { UserCreate } from './users/UserCreate';
import { UserEdit } from './users/UserEdit';
import { UserList } from './users/UserList';
import { ReportCreate } from './reports/ReportCreate';
import { ReportList } from './reports/ReportList';
import { ReportShow } from './reports/ReportShow';
import { PossibleDuplicateList } from './waitlist/PossibleDuplicateList';
import { WaitlistList } from './waitlist/WaitlistList';
import { WaitlistShow } from './waitlist/WaitlistShow';
import { WindowCreate } from './windows/WindowCreate';
import { WindowList } from './windows/WindowList';
import { WindowShow } from './windows/WindowShow';

interface Screens {
  list: ComponentType;
  create?: ComponentType;
  edit?: ComponentType;
  show?: ComponentType;
}

const SCREENS: Record<string, Screens> = {
  guides: { list: GuideList, create: GuideCreate, edit: GuideEdit, show: GuideShow },
  users: { list: UserList, create: UserCreate, edit: UserEdit },
  jobs: { list: JobList },
  executions: { list: ExecutionList, show: ExecutionShow },
  hospitals: { list: HospitalList, create: HospitalCreate, edit: HospitalEdit, show: HospitalShow },
  waitlist: { list: WaitlistList, show: WaitlistShow },
  'waitlist-possible-duplicates': { list: PossibleDuplicateList },
  outbox: { list: OutboxList },
  suppressions: { list: SuppressionList, create: SuppressionCreate },
  audit: { list: AuditList },
  windows: { list: WindowList, create: WindowCreate, show: WindowShow },
  invitations: { list: InvitationList, show: InvitationShow },
  reports: { list: ReportList, create: ReportCreate, show: ReportShow },
};

export interface AppProps {
  authProvider?: AuthProvider;
  dataProvider?: DataProvider;
  store?: Store;
}

/** The admin itself, without a router (tests wrap it in a MemoryRouter). */
export const AdminApp = ({ authProvider = defaultAuthProvider, dataProvider = defaultDataProvider, store }: AppProps) => (
  <Admin
    title="Jade Crane back-office"
    dashboard={Dashboard}
    authProvider={authProvider}
    dataProvider={dataProvider}
    layout={Layout}
    requireAuth
    store={store}
    disableTelemetry
  >
    {(permissions: string[] | undefined) => [
      ...FEATURES.filter((f) => canRead(permissions, f.resource)).flatMap((f) => {
        const writable = canWrite(permissions, f.resource);
        // A feature's further resources (jobs: executions) share its access.
        const names = [f.resource, ...(f.subResources ?? [])];
        return names.map((name) => {
          const screens = SCREENS[name];
          return (
            <Resource
              key={name}
              name={name}
              options={{ label: f.label }}
              icon={ICONS[f.resource]}
              list={screens.list}
              create={writable ? screens.create : undefined}
              edit={writable ? screens.edit : undefined}
              show={screens.show}
            />
          );
        });
      }),
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
