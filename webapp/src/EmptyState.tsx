import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';

/** What a list shows before it has anything: what belongs here, and the action that adds it. */
export const EmptyState = ({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) => (
  <Box textAlign="center" m={4}>
    <Typography variant="h6" component="p" gutterBottom>
      {title}
    </Typography>
    <Typography variant="body2" gutterBottom>
      {children}
    </Typography>
    {action}
  </Box>
);

/** What a filtered list shows when nothing matches: `what` is the thing listed, in the singular. */
export const NoMatch = ({ what }: { what: string }) => (
  <Typography variant="body2" sx={{ p: 2 }}>
    No {what} matches these filters.
  </Typography>
);
