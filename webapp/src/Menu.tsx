import { Menu as RaMenu, usePermissions } from 'react-admin';
import type { SvgIconComponent } from '@mui/icons-material';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import MailOutlineIcon from '@mui/icons-material/MailOutline';
import SettingsSuggestIcon from '@mui/icons-material/SettingsSuggest';
import AssessmentIcon from '@mui/icons-material/Assessment';
import PeopleIcon from '@mui/icons-material/People';
import OutboxIcon from '@mui/icons-material/Outbox';
import BlockIcon from '@mui/icons-material/Block';
import HistoryIcon from '@mui/icons-material/History';
import { canSeeDashboard, visibleFeatures } from './roles';

export const ICONS: Record<string, SvgIconComponent> = {
  guides: MenuBookIcon,
  hospitals: LocalHospitalIcon,
  waitlist: HourglassEmptyIcon,
  windows: EventAvailableIcon,
  invitations: MailOutlineIcon,
  jobs: SettingsSuggestIcon,
  reports: AssessmentIcon,
  users: PeopleIcon,
  outbox: OutboxIcon,
  suppressions: BlockIcon,
  audit: HistoryIcon,
};

/** Menu built from the role table: a user only sees what their roles may use. */
export const Menu = () => {
  const { permissions, isPending } = usePermissions<string[]>();
  if (isPending) return <RaMenu />;
  return (
    <RaMenu>
      {canSeeDashboard(permissions) && <RaMenu.DashboardItem primaryText="Dashboard" />}
      {visibleFeatures(permissions).map((f) => {
        const Icon = ICONS[f.resource];
        return (
          <RaMenu.Item key={f.resource} to={`/${f.resource}`} primaryText={f.label} leftIcon={Icon ? <Icon /> : undefined} />
        );
      })}
    </RaMenu>
  );
};
