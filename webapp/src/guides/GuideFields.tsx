import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  ArrayInput,
  AutocompleteArrayInput,
  Confirm,
  DateInput,
  FormDataConsumer,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  required,
  useSimpleFormIterator,
  useSimpleFormIteratorItem,
} from 'react-admin';
import { isSafeHref } from './markdown';
import { SECTION_TYPES } from './types';
import type { GuideSection } from './types';
import { useSpecialtyChoices } from './useSpecialtyChoices';

const validateHref = (value: string | undefined) =>
  value && !isSafeHref(value) ? 'Use https:, http: or a site path such as /guides/…' : undefined;

const TEXT_HELP = 'Plain text; **bold**, *italic*, [links](https://…) and "- " lists are allowed. No HTML.';

/** A labelled add button ("Add bullet"); react-admin's own is an unlabelled icon. */
const AddItemButton = ({ label, item, variant = 'text' }: { label: string; item?: object; variant?: 'text' | 'outlined' }) => {
  const { add } = useSimpleFormIterator();
  return (
    <Button size="small" variant={variant} onClick={() => add(item)}>
      {label}
    </Button>
  );
};

/** Removes a whole section only after confirmation (its bullets, links or questions go with it). */
const RemoveSectionButton = () => {
  const { remove, index } = useSimpleFormIteratorItem();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" color="error" startIcon={<DeleteIcon />} onClick={() => setOpen(true)}>
        Remove section
      </Button>
      <Confirm
        isOpen={open}
        title={`Remove section ${index + 1}?`}
        content="The section and everything in it leave the page when you save."
        confirm="Remove"
        onConfirm={() => {
          setOpen(false);
          remove();
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

const SectionTypeFields = ({ section }: { section: GuideSection | undefined }) => {
  switch (section?.type) {
    case 'TEXT':
      return <TextInput source="body" label="Section text" multiline minRows={3} fullWidth validate={required()} helperText={TEXT_HELP} />;
    case 'BULLETS':
      return (
        <ArrayInput source="items" label="Bullets" validate={required()}>
          <SimpleFormIterator fullWidth addButton={<AddItemButton label="Add bullet" />}>
            <TextInput source="" label="Bullet" fullWidth validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
      );
    case 'LINKS':
      return (
        <ArrayInput source="links" label="Links" validate={required()}>
          <SimpleFormIterator inline addButton={<AddItemButton label="Add link" />}>
            <TextInput source="label" label="Label" validate={required()} />
            <TextInput source="href" label="Link" validate={[required(), validateHref]} helperText="/guides/<slug> or https://…" />
          </SimpleFormIterator>
        </ArrayInput>
      );
    case 'FAQ':
      return (
        <ArrayInput source="faqs" label="Questions" validate={required()}>
          <SimpleFormIterator addButton={<AddItemButton label="Add question" />}>
            <TextInput source="question" label="Question" fullWidth validate={required()} />
            <TextInput source="answer" label="Answer" fullWidth multiline validate={required()} helperText={TEXT_HELP} />
          </SimpleFormIterator>
        </ArrayInput>
      );
    default:
      return null;
  }
};

/** Every content field of a guide, with the section builder; shared by create and edit. */
export const GuideFields = () => {
  const specialties = useSpecialtyChoices();
  return (
    <Box width="100%">
      <TextInput source="title" label="Title" fullWidth validate={[required(), maxLength(200)]} />
      <TextInput source="summary" label="Short answer" fullWidth multiline minRows={2} helperText={TEXT_HELP} />

      <Typography variant="h6" component="h2" mt={2}>
        Sections
      </Typography>
      <ArrayInput source="sections" label={false}>
        <SimpleFormIterator
          fullWidth
          removeButton={<RemoveSectionButton />}
          addButton={<AddItemButton label="Add section" item={{ type: 'TEXT' }} variant="outlined" />}
          sx={{ '& .RaSimpleFormIterator-line': { borderBottom: 1, borderColor: 'divider', pb: 2, mb: 2 } }}
        >
          <SelectInput source="type" label="Section type" choices={SECTION_TYPES} validate={required()} />
          <TextInput source="heading" label="Heading" fullWidth validate={[required(), maxLength(200)]} />
          <FormDataConsumer>
            {({ scopedFormData }) => <SectionTypeFields section={scopedFormData as GuideSection | undefined} />}
          </FormDataConsumer>
        </SimpleFormIterator>
      </ArrayInput>

      <TextInput source="disclaimer" label="Medical disclaimer" fullWidth multiline helperText="Required to publish" />
      <Typography variant="h6" component="h2" mt={2}>
        Medical review
      </Typography>
      <Box display="flex" gap={2} flexWrap="wrap">
        <TextInput source="medicalReview.reviewer" label="Reviewer" />
        <DateInput source="medicalReview.reviewedOn" label="Reviewed on" />
        <DateInput source="medicalReview.nextReviewDue" label="Next review due" />
      </Box>

      <Typography variant="h6" component="h2" mt={2}>
        Call to action
      </Typography>
      <TextInput source="cta.text" label="Call to action text" fullWidth multiline />
      <Box display="flex" gap={2} flexWrap="wrap">
        <TextInput source="cta.buttonLabel" label="Button label" />
        <SelectInput source="cta.specialty" label="Sign-ups filed under" choices={specialties ?? []} isPending={!specialties} emptyText="None" />
      </Box>

      <Typography variant="h6" component="h2" mt={2}>
        Classification and SEO
      </Typography>
      <AutocompleteArrayInput source="specialties" label="Specialties" choices={specialties ?? []} isPending={!specialties} fullWidth />
      <TextInput source="seoTitle" label="SEO title" fullWidth validate={maxLength(200)} />
      <TextInput source="seoDescription" label="SEO description" fullWidth multiline validate={maxLength(500)} />
      <ArrayInput source="relatedGuides" label="Related guides (slugs)">
        <SimpleFormIterator inline addButton={<AddItemButton label="Add related guide" />}>
          <TextInput source="" label="Guide slug" />
        </SimpleFormIterator>
      </ArrayInput>
      <ArrayInput source="relatedHospitals" label="Related hospitals (slugs)">
        <SimpleFormIterator inline addButton={<AddItemButton label="Add related hospital" />}>
          <TextInput source="" label="Hospital slug" />
        </SimpleFormIterator>
      </ArrayInput>
    </Box>
  );
};
