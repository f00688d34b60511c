import { optionsOf, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import type { CreatePartnerBody, PartnerKind, PartnerView } from '../../lib/contract.js';
import { useForm } from '../../lib/form.js';
import { partnerKindLabels, t } from '../../lib/messages.js';

export function partnerValues(partner?: PartnerView) {
  return {
    name: partner?.name ?? '',
    kind: partner?.kind ?? 'school',
    settlement: partner?.settlement ?? '',
    contacts: partner?.contacts ?? '',
    note: partner?.note ?? '',
  };
}

/** A partner organisation's details: both the create (POST) and the full update (PATCH) form. */
export function PartnerForm({ initial, label, submitLabel, send, onCancel }: {
  initial: ReturnType<typeof partnerValues>;
  label: string;
  submitLabel: string;
  send(body: CreatePartnerBody): Promise<string | undefined>;
  onCancel(): void;
}) {
  const form = useForm(initial);
  const f = t.partnerForm;
  return (
    <Form
      form={form}
      label={label}
      submitLabel={submitLabel}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={(values) => send({ ...values, kind: values.kind as PartnerKind })}
    >
      <TextField form={form} name="name" label={f.name} required wide />
      <SelectField form={form} name="kind" label={f.kind} required options={optionsOf(partnerKindLabels)} />
      <TextField form={form} name="settlement" label={f.settlement} />
      <TextField form={form} name="contacts" label={f.contacts} hint={f.contactsHint} />
      <TextAreaField form={form} name="note" label={f.note} />
    </Form>
  );
}
