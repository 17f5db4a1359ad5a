import { Alert, Box, Button, Card, CardContent, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, usePermissions } from 'react-admin';
import { Link } from 'react-router-dom';
import { problemDetail } from '../http';
import { formatTime } from '../jobs/format';
import { canRead, canSeeDashboard, visibleFeatures } from '../roles';
import { useJson } from '../useJson';
import { DeliveryChart, FunnelChart, Panel, SignupsChart, UtilizationChart } from './DashboardCharts';
import { DASHBOARD_URL } from './dashboardApi';
import type { DashboardView } from './dashboardApi';
import { GuidesDueTable, HospitalsDueTable } from './DueTables';
import { NightlyRunAlert } from './NightlyRunAlert';

/** The dashboard's cards, two a row on a wide screen. */
const panels = (data: DashboardView): { title: string; content: ReactNode }[] => [
  { title: 'Sign-ups per week', content: <SignupsChart weeks={data.signupsByWeek} /> },
  { title: 'Waitlist funnel (all time)', content: <FunnelChart funnel={data.funnel} /> },
  { title: 'Window utilization per week', content: <UtilizationChart weeks={data.windowUtilizationByWeek} /> },
  { title: 'Invitation delivery health', content: <DeliveryChart statuses={data.deliveryHealth} /> },
  { title: 'Guides due for medical review', content: <GuidesDueTable guides={data.guidesDueForReview} /> },
  { title: 'Hospitals due for re-verification', content: <HospitalsDueTable hospitals={data.hospitalsDueForReverification} /> },
];

const LeadershipDashboard = ({ canOpenExecution }: { canOpenExecution: boolean }) => {
  const { data, error } = useJson<DashboardView>(DASHBOARD_URL);
  if (error) {
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        The dashboard could not be loaded: {problemDetail(error)}
      </Alert>
    );
  }
  if (!data) return <LinearProgress aria-label="Loading the dashboard" sx={{ mt: 2 }} />;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <NightlyRunAlert run={data.nightlyRun} canOpenExecution={canOpenExecution} />
      <Grid container spacing={2}>
        {panels(data).map(({ title, content }) => (
          <Grid key={title} size={{ xs: 12, lg: 6 }}>
            <Panel title={title}>{content}</Panel>
          </Grid>
        ))}
      </Grid>
      <Typography variant="caption" color="text.secondary">
        Figures as of {formatTime(data.generatedAt)}.
      </Typography>
    </Stack>
  );
};

/** Roles without the dashboard (editors) land on a short welcome with their areas. */
const Welcome = ({ roles }: { roles: string[] | undefined }) => (
  <Card sx={{ mt: 2 }}>
    <CardContent>
      <Typography variant="h5" component="h1" gutterBottom>
        Welcome to the Jade Crane back-office
      </Typography>
      <Typography variant="body1" gutterBottom>
        Pick where to work:
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {visibleFeatures(roles).map((feature) => (
          <Button key={feature.resource} variant="outlined" component={Link} to={`/${feature.resource}`}>
            {feature.label}
          </Button>
        ))}
      </Box>
    </CardContent>
  </Card>
);

/** The home page: the leadership dashboard for those who may read it, a welcome for everyone else. */
export const Dashboard = () => {
  const { permissions, isPending } = usePermissions<string[]>();
  if (isPending) return null;
  return (
    <>
      <Title title="Dashboard" />
      {canSeeDashboard(permissions) ? (
        <LeadershipDashboard canOpenExecution={canRead(permissions, 'executions')} />
      ) : (
        <Welcome roles={permissions} />
      )}
    </>
  );
};
