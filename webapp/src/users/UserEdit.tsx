import { useCallback, useRef, useState } from 'react';
import {
  BooleanInput,
  CheckboxGroupInput,
  Confirm,
  Edit,
  email,
  maxLength,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
  useSaveContext,
} from 'react-admin';
import type { RaRecord } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { ROLE_CHOICES } from './roleChoices';

type Submit = (values: FieldValues) => unknown;

/** True when this save would switch a currently enabled user off. */
export function disablesUser(previous: RaRecord | undefined, values: FieldValues): boolean {
  return previous?.enabled !== false && values.enabled === false;
}

/** Save only: users are disabled with the toggle, never deleted. */
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const UserEditForm = () => {
  const record = useRecordContext();
  const { save } = useSaveContext();
  const [pending, setPending] = useState<FieldValues | null>(null);
  const resolver = useRef<((result: unknown) => void) | null>(null);

  const onSubmit = useCallback(
    (values: FieldValues) => {
      if (!save) return undefined;
      if (!disablesUser(record, values)) return save(values);
      // Keep the form "submitting" until the user confirms or cancels; server-side
      // validation errors returned by save() still reach the form fields.
      return new Promise((resolve) => {
        resolver.current = resolve;
        setPending(values);
      });
    },
    [record, save],
  );

  const close = (result: unknown) => {
    resolver.current?.(result);
    resolver.current = null;
    setPending(null);
  };

  return (
    <>
      <SimpleForm onSubmit={onSubmit as Submit} toolbar={<EditToolbar />}>
        <TextInput source="username" label="Username" readOnly helperText="The username cannot be changed" />
        <TextInput source="displayName" label="Display name" validate={maxLength(100)} />
        <TextInput source="email" label="Email" type="email" validate={email()} />
        <CheckboxGroupInput
          source="roles"
          label="Roles"
          choices={ROLE_CHOICES}
          validate={required('Choose at least one role')}
        />
        <BooleanInput source="enabled" label="Enabled" helperText="A disabled user cannot sign in" />
      </SimpleForm>
      <Confirm
        isOpen={pending !== null}
        title="Disable this user?"
        content={`${record?.username ?? 'This user'} will no longer be able to sign in.`}
        confirm="Disable user"
        cancel="Cancel"
        onConfirm={() => close(save ? save(pending as FieldValues) : undefined)}
        onClose={() => close(undefined)}
      />
    </>
  );
};

/** Edits a user; the record's `version` is sent back so stale edits get a 409. */
export const UserEdit = () => (
  <Edit title="Edit user" mutationMode="pessimistic" redirect="list">
    <UserEditForm />
  </Edit>
);
