import { optionsOf, SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { CompetitionLevel, RecordJuryMembershipBody } from '../../lib/contract.js';
import { useForm } from '../../lib/form.js';
import { competitionLevelLabels, t } from '../../lib/messages.js';
import { useMe } from '../../lib/session.js';
import { StaffPicker } from '../../components/StaffPicker.js';
import { idsOf, useParticipantOptions } from './participant-pickers.js';

/** Staff members who sat on the jury of a competition held by others. */
export function JuryForm({ year, onDone, onCancel }: { year: string; onDone(message: string): void; onCancel(): void }) {
  const me = useMe();
  const options = useParticipantOptions(me);
  const form = useForm({ competitionName: '', year, level: 'national', organiser: '', staffMemberIds: [] as string[], note: '' });
  const f = t.records.juryForm;
  return (
    <Form
      form={form}
      label={f.title}
      submitLabel={f.submit}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const body: RecordJuryMembershipBody = {
          competitionName: values.competitionName,
          year: Number(values.year),
          level: values.level as CompetitionLevel,
          organiser: values.organiser,
          staffMemberIds: idsOf(values.staffMemberIds),
          note: values.note,
        };
        await api.post('/jury-memberships', body);
        onDone(f.saved);
        return undefined;
      }}
    >
      <TextField form={form} name="competitionName" label={f.competitionName} hint={f.competitionNameHint} required wide />
      <TextField form={form} name="year" label={t.achievements.year} type="number" min={1900} max={2100} required />
      <SelectField form={form} name="level" label={t.achievements.level} options={optionsOf(competitionLevelLabels)} />
      <TextField form={form} name="organiser" label={f.organiser} />
      <TextField form={form} name="note" label={f.note} />
      <StaffPicker form={form} name="staffMemberIds" label={f.members} required staff={options.staff} />
    </Form>
  );
}
