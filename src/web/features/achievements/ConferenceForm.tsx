import { CheckboxGroupField, optionsOf, SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { CompetitionLevel, RecordConferenceParticipationBody } from '../../lib/contract.js';
import { useForm } from '../../lib/form.js';
import { competitionLevelLabels, t } from '../../lib/messages.js';
import { useMe } from '../../lib/session.js';
import { StaffPicker } from '../../components/StaffPicker.js';
import { idsOf, useParticipantOptions } from './participant-pickers.js';

/** Branches or staff members who took part in a conference, with the talk if they gave one. */
export function ConferenceForm({ year, onDone, onCancel }: { year: string; onDone(message: string): void; onCancel(): void }) {
  const me = useMe();
  const options = useParticipantOptions(me);
  const form = useForm({
    conferenceName: '', year, heldOn: '', level: 'regional', organiser: '', talkTitle: '', branchIds: [] as string[], staffMemberIds: [] as string[],
  });
  const f = t.records.conferenceForm;
  return (
    <Form
      form={form}
      label={f.title}
      submitLabel={f.submit}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const body: RecordConferenceParticipationBody = {
          conferenceName: values.conferenceName,
          year: Number(values.year),
          ...(values.heldOn ? { heldOn: values.heldOn } : {}),
          level: values.level as CompetitionLevel,
          organiser: values.organiser,
          talkTitle: values.talkTitle,
          branchIds: idsOf(values.branchIds),
          staffMemberIds: idsOf(values.staffMemberIds),
        };
        await api.post('/conferences', body);
        onDone(f.saved);
        return undefined;
      }}
    >
      <TextField form={form} name="conferenceName" label={f.conferenceName} required wide />
      <TextField form={form} name="year" label={t.achievements.year} type="number" min={1900} max={2100} required />
      <TextField form={form} name="heldOn" label={f.heldOn} type="date" />
      <SelectField form={form} name="level" label={t.achievements.level} options={optionsOf(competitionLevelLabels)} />
      <TextField form={form} name="organiser" label={f.organiser} />
      <TextField form={form} name="talkTitle" label={f.talkTitle} hint={f.talkTitleHint} wide />
      <CheckboxGroupField form={form} name="branchIds" label={f.branches} hint={f.hint} options={options.branches} />
      <StaffPicker form={form} name="staffMemberIds" label={f.staff} staff={options.staff} />
    </Form>
  );
}
