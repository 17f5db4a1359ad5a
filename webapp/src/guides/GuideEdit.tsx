import { useState } from 'react';
import { Box, Grid, Typography } from '@mui/material';
import { Edit, SaveButton, SimpleForm, TextInput, Toolbar, useRefresh } from 'react-admin';
import type { HttpError } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ConflictAlert } from './ConflictAlert';
import { GuideFields } from './GuideFields';
import { GuidePreview } from './GuidePreview';
import { GuideRevisions } from './GuideRevisions';
import { GuideWorkflow } from './GuideWorkflow';
import type { GuideContent } from './types';

/** The live preview follows the form as the editor types. */
export const LivePreview = () => {
  const values = useWatch() as GuideContent;
  return <GuidePreview guide={values} />;
};

const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * Edits the working copy of a guide; the public page changes only when it is published. Saves
 * send the version they read: a 409 shows a warning with a reload action instead of overwriting.
 */
export const GuideEdit = () => {
  const [conflict, setConflict] = useState(false);
  const refresh = useRefresh();
  const reload = () => {
    setConflict(false);
    refresh();
  };
  return (
    <Edit
      title="Edit guide"
      mutationMode="pessimistic"
      redirect={false}
      mutationOptions={{
        onError: (error: unknown) => {
          if ((error as HttpError)?.status === 409) setConflict(true);
        },
        onSuccess: () => setConflict(false),
      }}
    >
      <Box p={2} pb={0}>
        {conflict && <ConflictAlert onReload={reload} />}
      </Box>
      <SimpleForm toolbar={<EditToolbar />}>
        <GuideWorkflow onConflict={() => setConflict(true)} />
        <Grid container spacing={3} width="100%">
          <Grid size={{ xs: 12, lg: 6 }}>
            <Box display="flex" gap={2}>
              <TextInput source="slug" label="Slug" readOnly helperText="Part of the public address; fixed once created" />
              <TextInput source="locale" label="Locale" readOnly />
            </Box>
            <GuideFields />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <Box position="sticky" top={16} display="flex" flexDirection="column" gap={2}>
              <LivePreview />
              <GuideRevisions canRestore onConflict={() => setConflict(true)} />
              <Typography variant="caption" color="text.secondary">
                The preview shows the form as typed; the public site shows the last published revision.
              </Typography>
            </Box>
          </Grid>
        </Grid>
      </SimpleForm>
    </Edit>
  );
};
