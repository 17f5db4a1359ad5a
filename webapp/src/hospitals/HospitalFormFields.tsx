import { Typography } from '@mui/material';
import {
  ArrayInput,
  AutocompleteArrayInput,
  BooleanInput,
  maxLength,
  regex,
  required,
  SelectInput,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
} from 'react-admin';
import { FIT_CRITERIA, FOLLOW_UP_CHOICES, RED_FLAG_HINT } from './hospitalChoices';
import { useSpecialtyChoices } from './useSpecialtyChoices';

const validateSlug = [
  required(),
  maxLength(80),
  regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lower-case words joined by '-', e.g. riverside-cancer-hospital"),
];
const validateWebsite = regex(/^https?:\/\/\S+$/i, 'An http or https address, e.g. https://hospital.example');

const Section = ({ children }: { children: string }) => (
  <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
    {children}
  </Typography>
);

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/** Drops the empty rows a list editor leaves behind, so the server sees only what was written. */
export function cleanHospital(data: Record<string, unknown>): Record<string, unknown> {
  const fit = (data.fit ?? {}) as Record<string, unknown>;
  const departments = (data.departments ?? []) as Record<string, unknown>[];
  return {
    ...data,
    departments: departments.filter((d) => d && !blank(d.name)),
    fit: { ...fit, recordsRequired: ((fit.recordsRequired ?? []) as unknown[]).filter((r) => !blank(r)) },
    redFlagsObserved: ((data.redFlagsObserved ?? []) as unknown[]).filter((r) => !blank(r)),
  };
}

export const HOSPITAL_DEFAULTS = {
  internationalDesk: { languages: [] },
  departments: [],
  fit: {
    outsidePathologyReview: false,
    imagingReviewDicom: false,
    multidisciplinaryTeam: false,
    translatedWrittenSummary: false,
    remoteRecordTriage: false,
    summaryLanguages: [],
    followUpChannel: 'NONE',
    recordsRequired: [],
  },
  redFlagsObserved: [],
};

export const HospitalFormFields = () => {
  const specialties = useSpecialtyChoices();
  return (
    <>
      <Section>Hospital</Section>
      <TextInput source="name" label="Name" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput source="localName" label="Chinese name" validate={maxLength(200)} fullWidth />
      <TextInput
        source="slug"
        label="Slug"
        validate={validateSlug}
        helperText="The public address: /hospitals/<slug>"
      />
      <TextInput source="city" label="City" validate={[required(), maxLength(100)]} />
      <TextInput source="province" label="Province" validate={maxLength(100)} />
      <TextInput source="grade" label="Grade" validate={maxLength(40)} helperText='e.g. "Grade 3A"' />
      <TextInput source="website" label="Website" validate={validateWebsite} fullWidth />

      <Section>International patient desk</Section>
      <TextInput source="internationalDesk.email" label="Desk email" type="email" />
      <TextInput source="internationalDesk.phone" label="Desk phone" />
      <TextInput source="internationalDesk.wechat" label="Desk WeChat" />
      <TextArrayInput
        source="internationalDesk.languages"
        label="Desk languages"
        helperText="Language tags such as en, zh, ru; press Enter after each"
      />
      <TextInput source="internationalDesk.notes" label="Desk notes (internal)" multiline fullWidth />

      <Section>Departments</Section>
      <ArrayInput source="departments" label="Departments reviewing second-opinion cases">
        <SimpleFormIterator inline>
          <TextInput source="name" label="Department" validate={required()} />
          <AutocompleteArrayInput source="specialties" label="Specialties / cancer types" choices={specialties} />
          <TextInput source="notes" label="Notes (internal)" />
        </SimpleFormIterator>
      </ArrayInput>

      <Section>Fit for a second opinion</Section>
      {FIT_CRITERIA.map((c) => (
        <BooleanInput key={c.source} source={`fit.${c.source}`} label={c.label} helperText={c.helper} />
      ))}
      <TextArrayInput
        source="fit.summaryLanguages"
        label="Summary languages"
        helperText="Languages of the translated written summary; press Enter after each"
      />
      <SelectInput
        source="fit.followUpChannel"
        label="Follow-up after the opinion"
        choices={FOLLOW_UP_CHOICES}
        helperText="How are follow-up questions handled after the opinion?"
      />
      <TextInput source="fit.followUpNotes" label="Follow-up notes (internal)" multiline fullWidth />
      <ArrayInput source="fit.recordsRequired" label="Records required before review">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="" label="Record" helperText={false} fullWidth />
        </SimpleFormIterator>
      </ArrayInput>

      <Section>Red flags observed (internal)</Section>
      <Typography variant="body2" color="text.secondary">
        {RED_FLAG_HINT}
      </Typography>
      <ArrayInput source="redFlagsObserved" label="Red flags">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="" label="Red flag" helperText={false} fullWidth />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
};
