import { Card, CardContent, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  BooleanInput,
  CheckboxGroupInput,
  Create,
  DateInput,
  DateTimeInput,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextInput,
  Title,
  maxValue,
  minValue,
  required,
  useNotify,
  useRedirect,
} from 'react-admin';
import { HttpError } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { http } from '../http';
import { STATUS_CHOICES } from './WindowList';
import { createSeries } from './windowsApi';
import type { SeriesRequest } from './windowsApi';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((d) => ({
  id: d,
  name: d.charAt(0) + d.slice(1).toLowerCase(),
}));

/** "en, pt-BR" in the form, ["en", "pt-BR"] in the request. */
const languagesFormat = (value: unknown) => (Array.isArray(value) ? value.join(', ') : (value as string) ?? '');
const languagesParse = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

function useSpecialtyChoices() {
  const [choices, setChoices] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    http<{ code: string; name: string; active: boolean }[]>('/api/specialties')
      .then(({ json }) => setChoices(json.filter((s) => s.active).map((s) => ({ id: s.code, name: s.name }))))
      .catch(() => setChoices([]));
  }, []);
  return choices;
}

/** The fields a window has whether made alone or in a series. */
const CommonInputs = ({ specialties }: { specialties: { id: string; name: string }[] }) => (
  <>
    <TextInput source="timeZone" label="Time zone" defaultValue="Asia/Shanghai" helperText="IANA zone the times are in" />
    <SelectInput source="specialty" choices={specialties} validate={required()} />
    <TextInput source="languages" label="Languages" format={languagesFormat} parse={languagesParse}
      defaultValue={['en']} helperText="BCP 47 tags, comma separated, e.g. en, zh" validate={required()} />
    <BooleanInput source="interpreterAvailable" label="Interpreter available" />
    <NumberInput source="capacity" defaultValue={5} validate={[required(), minValue(1), maxValue(1000)]} />
    <TextInput source="coordinator" />
    <SelectInput source="status" choices={STATUS_CHOICES} defaultValue="OPEN" validate={required()} />
  </>
);

const OneWindow = ({ specialties }: { specialties: { id: string; name: string }[] }) => (
  <Create resource="windows" redirect="show" title="New consultation window">
    <SimpleForm>
      <DateTimeInput source="startsAt" label="Starts" validate={required()}
        parse={(v: string) => (v ? new Date(v).toISOString() : v)} />
      <DateTimeInput source="endsAt" label="Ends" validate={required()}
        parse={(v: string) => (v ? new Date(v).toISOString() : v)} />
      <CommonInputs specialties={specialties} />
    </SimpleForm>
  </Create>
);

const RecurringSeries = ({ specialties }: { specialties: { id: string; name: string }[] }) => {
  const notify = useNotify();
  const redirect = useRedirect();
  const save = async (values: Record<string, unknown>) => {
    try {
      const series = await createSeries(values as unknown as SeriesRequest);
      notify(`Series created: ${series.windowCount} windows (${series.description})`, { type: 'success' });
      redirect('/windows');
      return undefined;
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
      return e instanceof HttpError ? (e.body as { errors?: Record<string, unknown> })?.errors : undefined;
    }
  };
  return (
    <Card>
      <Title title="New recurring series" />
      <CardContent>
        <Typography variant="h6">New recurring series</Typography>
        <Typography variant="body2">
          One window on each chosen day, at the same local time in the series&apos; time zone (daylight saving included).
        </Typography>
        <SimpleForm onSubmit={save}>
          <DateInput source="startDate" label="First day" validate={required()} />
          <NumberInput source="weeks" defaultValue={6} validate={[required(), minValue(1), maxValue(52)]} />
          <CheckboxGroupInput source="daysOfWeek" label="Days of the week" choices={DAYS} validate={required()} />
          <TextInput source="startTime" label="Start time" placeholder="09:00" validate={required()} />
          <TextInput source="endTime" label="End time" placeholder="12:00" validate={required()} />
          <CommonInputs specialties={specialties} />
        </SimpleForm>
      </CardContent>
    </Card>
  );
};

/** Create one window, or (with ?series=true) a recurring series of them. */
export const WindowCreate = () => {
  const specialties = useSpecialtyChoices();
  const series = new URLSearchParams(useLocation().search).get('series') === 'true';
  return series ? <RecurringSeries specialties={specialties} /> : <OneWindow specialties={specialties} />;
};
