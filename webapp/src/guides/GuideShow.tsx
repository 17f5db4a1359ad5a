import { Grid } from '@mui/material';
import { Show, useRecordContext } from 'react-admin';
import { GuidePreview } from './GuidePreview';
import { GuideRevisions } from './GuideRevisions';
import { StatusChips } from './GuideWorkflow';
import type { Guide } from './types';

const GuideShowLayout = () => {
  const guide = useRecordContext<Guide>();
  if (!guide) return null;
  return (
    <Grid container spacing={3} p={2}>
      <Grid size={12}>
        <StatusChips guide={guide} />
      </Grid>
      <Grid size={{ xs: 12, lg: 7 }}>
        <GuidePreview guide={guide} />
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <GuideRevisions />
      </Grid>
    </Grid>
  );
};

/** Read-only view for the roles that may read guides but not change them (OPS, LEADERSHIP). */
export const GuideShow = () => (
  <Show title="Guide">
    <GuideShowLayout />
  </Show>
);
