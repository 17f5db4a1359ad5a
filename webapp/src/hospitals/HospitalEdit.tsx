import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { cleanHospital, HospitalFormFields } from './HospitalFormFields';

/** Profiles are never deleted: they are suspended (on the profile page). */
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Edits the profile; the `version` read is sent back so a stale save gets a 409. */
export const HospitalEdit = () => (
  <Edit title="Edit hospital" mutationMode="pessimistic" redirect="show" transform={cleanHospital}>
    <SimpleForm toolbar={<EditToolbar />}>
      <HospitalFormFields />
    </SimpleForm>
  </Edit>
);
