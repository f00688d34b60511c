import { CheckboxField, optionsOf, SelectField, TextField, type Options } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { ApiError } from '../../lib/api.js';
import type { CreateStaffMemberBody, Education, Employment, StaffMemberView } from '../../lib/contract.js';
import { orNull, useForm, withoutEmpty } from '../../lib/form.js';
import { educationLabels, employmentLabels, t } from '../../lib/messages.js';

export type StaffValues = ReturnType<typeof staffValues>;

/** Form values of a staff member (empty for a new one, optionally at a given branch). */
export function staffValues(member: StaffMemberView | undefined, branchId = '') {
  return {
    branchId: member ? String(member.branchId) : branchId,
    lastName: member?.lastName ?? '',
    firstName: member?.firstName ?? '',
    middleName: member?.middleName ?? '',
    position: member?.position ?? '',
    employment: member?.employment ?? 'staff',
    isCoreStaff: member?.isCoreStaff ?? true,
    education: member?.education ?? 'higher',
    hasLibraryEducation: member?.hasLibraryEducation ?? false,
    libraryExperienceSince: member?.libraryExperienceSince ?? '',
    birthDate: member?.birthDate ?? '',
    hasDisability: member?.hasDisability ?? false,
    hiredOn: member?.hiredOn ?? '',
    dismissedOn: member?.dismissedOn ?? '',
  };
}

/** Every field of a staff member: both the create (POST) and the full update (PATCH) body. */
function toBody(values: StaffValues): CreateStaffMemberBody {
  const body: CreateStaffMemberBody = {
    branchId: Number(values.branchId), // 0 when none is chosen: the server refuses it and the form rewords the error
    lastName: values.lastName,
    firstName: values.firstName,
    middleName: values.middleName,
    position: values.position,
    employment: values.employment as Employment,
    isCoreStaff: values.isCoreStaff,
    education: values.education as Education,
    hasLibraryEducation: values.hasLibraryEducation,
    libraryExperienceSince: orNull(values.libraryExperienceSince),
    birthDate: orNull(values.birthDate),
    hasDisability: values.hasDisability,
    hiredOn: values.hiredOn,
    dismissedOn: orNull(values.dismissedOn),
  };
  return withoutEmpty(body, 'branchId', 'hiredOn');
}

interface StaffFormProps {
  initial: StaffValues;
  /** The branches this user may put staff in. */
  branchOptions: Options;
  submitLabel: string;
  label: string;
  send(body: CreateStaffMemberBody): Promise<string | undefined>;
  onCancel?: () => void;
}

export function StaffForm({ initial, branchOptions, submitLabel, label, send, onCancel }: StaffFormProps) {
  const form = useForm(initial);
  const f = t.staffForm;
  return (
    <Form
      form={form}
      label={label}
      submitLabel={submitLabel}
      className="form-grid"
      onSubmit={async (values) => {
        try {
          return await send(toBody(values));
        } catch (error) {
          // No branch chosen: the server's words are about a number, the user chose nothing.
          throw !values.branchId && error instanceof ApiError ? error.rewordField('branchId', f.chooseBranchError) : error;
        }
      }}
      actions={onCancel && <button type="button" onClick={onCancel}>{t.cancel}</button>}
    >
      <TextField form={form} name="lastName" label={f.lastName} required />
      <TextField form={form} name="firstName" label={f.firstName} required />
      <TextField form={form} name="middleName" label={f.middleName} />
      <SelectField form={form} name="branchId" label={f.branch} required options={[['', f.chooseBranch], ...branchOptions]} />
      <TextField form={form} name="position" label={f.position} required wide />
      <SelectField form={form} name="employment" label={f.employment} required options={optionsOf(employmentLabels)} />
      <SelectField form={form} name="education" label={f.education} required options={optionsOf(educationLabels)} />
      <TextField form={form} name="hiredOn" label={f.hiredOn} required type="date" />
      <TextField form={form} name="dismissedOn" label={f.dismissedOn} type="date" />
      <TextField form={form} name="libraryExperienceSince" label={f.libraryExperienceSince} type="date" />
      <TextField form={form} name="birthDate" label={f.birthDate} type="date" />
      <div className="field-row">
        <CheckboxField form={form} name="hasLibraryEducation" label={f.hasLibraryEducation} />
        <CheckboxField form={form} name="isCoreStaff" label={f.isCoreStaff} />
        <CheckboxField form={form} name="hasDisability" label={f.hasDisability} />
      </div>
    </Form>
  );
}
