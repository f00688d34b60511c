import { CheckboxGroupField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { RecordHonourBody } from '../../lib/contract.js';
import { useForm } from '../../lib/form.js';
import { t } from '../../lib/messages.js';
import { useMe } from '../../lib/session.js';
import { StaffPicker } from '../../components/StaffPicker.js';
import { idsOf, useParticipantOptions } from './participant-pickers.js';

/** A letter of thanks or an honour received by branches or staff members. */
export function HonourForm({ year, onDone, onCancel }: { year: string; onDone(message: string): void; onCancel(): void }) {
  const me = useMe();
  const options = useParticipantOptions(me);
  const form = useForm({
    title: '', fromOrganisation: '', year, receivedOn: '', reason: '', branchIds: [] as string[], staffMemberIds: [] as string[],
  });
  const f = t.records.honourForm;
  return (
    <Form
      form={form}
      label={f.title}
      submitLabel={f.submit}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const body: RecordHonourBody = {
          title: values.title,
          fromOrganisation: values.fromOrganisation,
          year: Number(values.year),
          ...(values.receivedOn ? { receivedOn: values.receivedOn } : {}),
          reason: values.reason,
          branchIds: idsOf(values.branchIds),
          staffMemberIds: idsOf(values.staffMemberIds),
        };
        await api.post('/honours', body);
        onDone(f.saved);
        return undefined;
      }}
    >
      <TextField form={form} name="title" label={f.honourTitle} hint={f.honourTitleHint} required />
      <TextField form={form} name="fromOrganisation" label={f.fromOrganisation} hint={f.fromOrganisationHint} wide />
      <TextField form={form} name="year" label={t.achievements.year} type="number" min={1900} max={2100} required />
      <TextField form={form} name="receivedOn" label={f.receivedOn} type="date" />
      <TextField form={form} name="reason" label={f.reason} hint={f.reasonHint} wide />
      <CheckboxGroupField form={form} name="branchIds" label={f.branches} hint={t.records.conferenceForm.hint} options={options.branches} />
      <StaffPicker form={form} name="staffMemberIds" label={f.staff} staff={options.staff} />
    </Form>
  );
}
