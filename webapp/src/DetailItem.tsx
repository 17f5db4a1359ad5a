import { Grid, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A caption over its value; a dash when there is nothing to show. */
export const LabelledValue = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div">
      {children || '—'}
    </Typography>
  </>
);

/** One labelled value in the grid of a detail page. */
export const DetailItem = ({ label, children }: { label: string; children: ReactNode }) => (
  <Grid size={{ xs: 12, sm: 6, md: 3 }}>
    <LabelledValue label={label}>{children}</LabelledValue>
  </Grid>
);
