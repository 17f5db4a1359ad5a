import { Create, SimpleForm } from 'react-admin';
import { cleanHospital, HOSPITAL_DEFAULTS, HospitalFormFields } from './HospitalFormFields';

/** A new profile starts UNVERIFIED; it opens on its page, where verification starts. */
export const HospitalCreate = () => (
  <Create title="Create hospital" redirect="show" transform={cleanHospital}>
    <SimpleForm defaultValues={HOSPITAL_DEFAULTS}>
      <HospitalFormFields />
    </SimpleForm>
  </Create>
);
