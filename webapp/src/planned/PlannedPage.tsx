import { Card, CardContent, Typography } from '@mui/material';
import { Title } from 'react-admin';

/** Placeholder for a back-office area whose feature has not landed yet. */
export const PlannedPage = ({ feature }: { feature: string }) => (
  <Card sx={{ mt: 2 }}>
    <Title title={feature} />
    <CardContent>
      <Typography variant="h5" component="h1" gutterBottom>
        {feature}
      </Typography>
      <Typography variant="body1">Planned: arrives with the {feature} feature.</Typography>
    </CardContent>
  </Card>
);
