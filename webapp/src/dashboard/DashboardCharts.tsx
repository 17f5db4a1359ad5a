import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDay } from '../dates';
import { EmptyState } from '../EmptyState';
import { statusColor } from '../invitations/invitationsApi';
import type { InvitationStatus } from '../invitations/invitationsApi';
import { FUNNEL_OUTCOMES, FUNNEL_STAGES } from './dashboardApi';
import type { DashboardView } from './dashboardApi';

const CHART_HEIGHT = 260;

/** A titled card of the dashboard, a labelled region for screen readers and tests. */
export const Panel = ({ title, children }: { title: string; children: ReactNode }) => {
  const titleId = useId();
  return (
    <Card component="section" aria-labelledby={titleId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography id={titleId} variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/**
 * Fills the card's width; `initialDimension` is the size of the first paint, before the container
 * is measured (and the size used where nothing measures it, such as jsdom in the unit tests).
 */
const ChartBox = ({ children }: { children: ReactNode }) => (
  <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 480, height: CHART_HEIGHT }}>
    {children as never}
  </ResponsiveContainer>
);

const weekLabel = (weekStart: string) => formatDay(weekStart, { day: 'numeric', month: 'short' });

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export const SignupsChart = ({ weeks }: { weeks: DashboardView['signupsByWeek'] }) => {
  const theme = useTheme();
  if (sum(weeks.map((w) => w.signups)) === 0) {
    return <EmptyState title="No sign-ups in the last 26 weeks">Sign-ups from the guide pages appear here week by week.</EmptyState>;
  }
  const data = weeks.map((w) => ({ ...w, week: weekLabel(w.weekStart) }));
  return (
    <ChartBox>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="week" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Line type="monotone" dataKey="signups" name="Sign-ups" stroke={theme.palette.primary.main} strokeWidth={2} dot={false} />
        <Line type="monotone" dataKey="uniquePeople" name="Unique people" stroke={theme.palette.warning.main} strokeWidth={2} dot={false} />
      </LineChart>
    </ChartBox>
  );
};

export const FunnelChart = ({ funnel }: { funnel: DashboardView['funnel'] }) => {
  const theme = useTheme();
  if (funnel.signups === 0) {
    return <EmptyState title="No sign-ups yet">The funnel fills in once people sign up on the guide pages.</EmptyState>;
  }
  const data = FUNNEL_STAGES.map(({ key, label }) => ({ stage: label, people: funnel[key] }));
  return (
    <>
      <ChartBox>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="stage" width={100} />
          <Tooltip />
          <Bar dataKey="people" name="People" fill={theme.palette.primary.main} />
        </BarChart>
      </ChartBox>
      <Stack direction="row" spacing={3} useFlexGap flexWrap="wrap" component="dl" sx={{ m: 0 }} aria-label="Funnel figures">
        {[...FUNNEL_STAGES, ...FUNNEL_OUTCOMES].map(({ key, label }) => (
          <Box key={key}>
            <Typography variant="caption" color="text.secondary" component="dt">
              {label}
            </Typography>
            <Typography variant="body2" component="dd" sx={{ m: 0 }}>
              {funnel[key].toLocaleString()}
            </Typography>
          </Box>
        ))}
      </Stack>
    </>
  );
};

export const UtilizationChart = ({ weeks }: { weeks: DashboardView['windowUtilizationByWeek'] }) => {
  const theme = useTheme();
  if (sum(weeks.map((w) => w.seats)) === 0) {
    return (
      <EmptyState title="No windows in these weeks">
        Windows from four weeks back to eight weeks ahead appear here with their seats.
      </EmptyState>
    );
  }
  const data = weeks.map((w) => ({ ...w, week: weekLabel(w.weekStart) }));
  return (
    <ChartBox>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="week" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="seats" name="Seats" fill={theme.palette.grey[400]} />
        <Bar dataKey="taken" name="Taken" fill={theme.palette.info.main} />
        <Bar dataKey="accepted" name="Accepted" fill={theme.palette.success.main} />
      </BarChart>
    </ChartBox>
  );
};

export const DeliveryChart = ({ statuses }: { statuses: DashboardView['deliveryHealth'] }) => {
  const theme = useTheme();
  if (sum(statuses.map((s) => s.count)) === 0) {
    return <EmptyState title="No invitation emails yet">Each invitation email is counted here by its delivery status.</EmptyState>;
  }
  // the bars take the colours of the invitation list's status chips
  const color = (status: string) => {
    const key = statusColor(status as InvitationStatus);
    return key === 'default' ? theme.palette.grey[500] : theme.palette[key].main;
  };
  return (
    <ChartBox>
      <BarChart data={statuses} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="status" interval={0} tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="count" name="Emails">
          {statuses.map((s) => (
            <Cell key={s.status} fill={color(s.status)} />
          ))}
        </Bar>
      </BarChart>
    </ChartBox>
  );
};
