import { TextAreaField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { RecordSeminarBody, SeminarView } from '../../lib/contract.js';
import { useForm, withoutEmpty } from '../../lib/form.js';
import { t } from '../../lib/messages.js';
import { StaffPicker } from '../../components/StaffPicker.js';
import { useAllStaff } from '../../lib/use-staff.js';

/** A seminar the network held for its staff, with those who attended picked from the staff list. */
export function SeminarForm({ onDone, onCancel }: { onDone(message: string): void; onCancel(): void }) {
  const staff = useAllStaff();
  const form = useForm({ heldOn: '', topic: '', organiser: '', description: '', attendeeStaffIds: [] as string[], externalAttendees: '' });
  const f = t.seminars.form;
  // Seminars are for the people working now; those dismissed since are still listed on old seminars.
  const working = (staff ?? []).filter((member) => member.dismissedOn === null);
  return (
    <Form
      form={form}
      label={f.title}
      submitLabel={f.submit}
      className="form-grid"
      actions={(
        <>
          <button type="button" onClick={() => form.set('attendeeStaffIds', working.map((member) => String(member.id)))}>{f.selectAll}</button>
          <button type="button" onClick={onCancel}>{t.cancel}</button>
        </>
      )}
      onSubmit={async (values) => {
        const body: RecordSeminarBody = {
          heldOn: values.heldOn,
          topic: values.topic,
          organiser: values.organiser,
          description: values.description,
          attendeeStaffIds: values.attendeeStaffIds.map(Number),
          externalAttendees: values.externalAttendees.trim() ? Number(values.externalAttendees) : 0,
        };
        const seminar = await api.post<SeminarView>('/seminars', withoutEmpty(body, 'heldOn'));
        onDone(f.saved(seminar.topic));
        return undefined;
      }}
    >
      <TextField form={form} name="heldOn" label={f.heldOn} type="date" required />
      <TextField form={form} name="topic" label={f.topic} required wide />
      <TextField form={form} name="organiser" label={f.organiser} />
      <TextField form={form} name="externalAttendees" label={f.externalAttendees} hint={f.externalAttendeesHint} type="number" min={0} />
      <TextAreaField form={form} name="description" label={f.description} hint={f.descriptionHint} />
      <StaffPicker form={form} name="attendeeStaffIds" label={f.attendees} staff={working} />
    </Form>
  );
}
