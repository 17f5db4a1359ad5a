import { Alert, Button } from '@mui/material';

/** Shown when a save or an action got 409: someone else saved meanwhile; nothing was overwritten. */
export const ConflictAlert = ({ onReload }: { onReload: () => void }) => (
  <Alert
    severity="warning"
    role="alert"
    sx={{ mb: 2 }}
    action={
      <Button color="inherit" size="small" onClick={onReload}>
        Reload
      </Button>
    }
  >
    Someone else saved this guide meanwhile. Your changes were not saved: reload to see theirs, then apply yours
    again.
  </Alert>
);
