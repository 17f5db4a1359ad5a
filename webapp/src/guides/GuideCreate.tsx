import { Box, Grid } from '@mui/material';
import { Create, SimpleForm, TextInput, maxLength, regex, required } from 'react-admin';
import { GuideFields } from './GuideFields';
import { LivePreview } from './GuideEdit';

const validateSlug = [
  required(),
  maxLength(120),
  regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case letters and digits joined by "-", e.g. cancer-second-opinion-china'),
];
const validateLocale = [
  required(),
  regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/, 'A language tag such as en, zh-Hans or pt-BR'),
];

/** A new guide starts as a draft; after the first save the editor continues on the edit page. */
export const GuideCreate = () => (
  <Create title="Create guide" redirect="edit">
    <SimpleForm defaultValues={{ locale: 'en', sections: [], specialties: [] }}>
      <Grid container spacing={3} width="100%">
        <Grid size={{ xs: 12, lg: 6 }}>
          <Box display="flex" gap={2}>
            <TextInput source="slug" label="Slug" validate={validateSlug} helperText="The page's address: /guides/<slug>" />
            <TextInput source="locale" label="Locale" validate={validateLocale} />
          </Box>
          <GuideFields />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <LivePreview />
        </Grid>
      </Grid>
    </SimpleForm>
  </Create>
);
