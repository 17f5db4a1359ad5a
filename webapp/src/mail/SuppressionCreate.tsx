import { Create, SimpleForm, TextInput, email, maxLength, minLength, required } from 'react-admin';

const validateEmail = [required(), email('Enter an email address such as name@example.com'), maxLength(254)];
const validateNote = [required('Say why this address must not be emailed'), minLength(3), maxLength(500)];

/** Ops add an address by hand (reason MANUAL); the note says why, for whoever looks later. */
export const SuppressionCreate = () => (
  <Create title="Suppress an address" redirect="list">
    <SimpleForm>
      <TextInput source="email" label="Email" validate={validateEmail} fullWidth />
      <TextInput source="note" label="Why must it not be emailed?" validate={validateNote} multiline minRows={2} fullWidth />
    </SimpleForm>
  </Create>
);
