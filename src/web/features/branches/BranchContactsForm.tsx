import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { BranchView, UpdateBranchBody } from '../../lib/contract.js';
import { numberOrNull, useForm, type FormState } from '../../lib/form.js';
import { t } from '../../lib/messages.js';

/** The contact and service fields a librarian keeps current, as form values. */
export function contactValues(branch: BranchView | undefined) {
  return {
    settlement: branch?.settlement ?? '',
    address: branch?.address ?? '',
    phone: branch?.phone ?? '',
    email: branch?.email ?? '',
    openingHours: branch?.openingHours ?? '',
    workingDays: branch?.workingDays ?? '',
    populationServed: branch?.populationServed == null ? '' : String(branch.populationServed),
  };
}

type ContactValues = ReturnType<typeof contactValues>;

export function ContactFields<V extends ContactValues>({ form }: { form: FormState<V> }) {
  const f = t.branchForm;
  // The generic form is narrowed to the contact fields it certainly has.
  const contacts = form as unknown as FormState<ContactValues>;
  return (
    <>
      <TextField form={contacts} name="settlement" label={f.settlement} />
      <TextField form={contacts} name="address" label={f.address} wide />
      <TextField form={contacts} name="phone" label={f.phone} type="tel" />
      <TextField form={contacts} name="email" label={f.email} type="email" />
      <TextField form={contacts} name="openingHours" label={f.openingHours} wide />
      <TextField form={contacts} name="workingDays" label={f.workingDays} />
      <TextField form={contacts} name="populationServed" label={f.populationServed} type="number" min={0} />
    </>
  );
}

/** Contacts, hours and population served (PATCH /branches/:id): no history, the current state only. */
export function BranchContactsForm({ branch, onSaved, onCancel }: { branch: BranchView; onSaved(): void; onCancel(): void }) {
  const form = useForm(contactValues(branch));
  return (
    <Form
      form={form}
      label={t.branchForm.contactsTitle}
      submitLabel={t.save}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const body: UpdateBranchBody = {
          ...values,
          email: values.email.trim(),
          populationServed: numberOrNull(values.populationServed),
        };
        await api.patch<BranchView>(`/branches/${branch.id}`, body);
        onSaved();
        return undefined;
      }}
    >
      <ContactFields form={form} />
    </Form>
  );
}
