import {
  CheckboxGroupInput,
  Create,
  email,
  maxLength,
  minLength,
  PasswordInput,
  regex,
  required,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { ROLE_CHOICES } from './roleChoices';

export const PASSWORD_MIN_LENGTH = 12;

const validateUsername = [
  required(),
  maxLength(50),
  regex(/^[A-Za-z0-9._@-]+$/, 'Use letters, digits and . _ @ - only'),
];
const validatePassword = [required(), minLength(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)];
const validateRoles = [required('Choose at least one role')];

export const UserCreate = () => (
  <Create title="Create user" redirect="list">
    <SimpleForm defaultValues={{ roles: [] }}>
      <TextInput source="username" label="Username" validate={validateUsername} autoComplete="off" />
      <TextInput source="displayName" label="Display name" validate={maxLength(100)} />
      <TextInput source="email" label="Email" type="email" validate={email()} />
      <PasswordInput
        source="password"
        label="Password"
        validate={validatePassword}
        helperText={`At least ${PASSWORD_MIN_LENGTH} characters`}
        autoComplete="new-password"
      />
      <CheckboxGroupInput source="roles" label="Roles" choices={ROLE_CHOICES} validate={validateRoles} />
    </SimpleForm>
  </Create>
);
