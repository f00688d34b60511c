import { optionsOf, SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import type { Options } from '../../components/fields.js';
import { api } from '../../lib/api.js';
import type { AddEntryBody, CompetitionView, EntryView, ParticipantKind } from '../../lib/contract.js';
import { useForm } from '../../lib/form.js';
import { participantKindLabels, t } from '../../lib/messages.js';
import { canRecordForBranches } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { StaffPicker } from '../../components/StaffPicker.js';
import { staffOptions, useAllStaff } from '../../lib/use-staff.js';
import { AwardFields, awardBody, awardValues, withAwardFields } from './award-fields.js';

/** Who took part in a competition, for which branch, with the first result if it is known. */
export function EntryForm({ competition, onDone, onCancel }: { competition: CompetitionView; onDone(message: string): void; onCancel(): void }) {
  const me = useMe();
  const branches = useAllBranches();
  const staff = useAllStaff();
  const ownBranches = branchOptions(branches ?? [], (branch) => canRecordForBranches(me, [branch.id]));
  const form = useForm({
    branchId: '',
    participantKind: 'branch',
    staffMemberIds: [] as string[],
    readerName: '',
    preparedByStaffId: '',
    teamName: '',
    nomination: '',
    workTitle: '',
    ...awardValues,
  });
  const f = t.entryForm;
  const kind = form.values.participantKind as ParticipantKind;
  const people: Options = staffOptions(staff ?? []);

  return (
    <Form
      form={form}
      label={f.title}
      submitLabel={f.submit}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const body = {
          ...(values.branchId ? { branchId: Number(values.branchId) } : {}),
          participantKind: kind,
          ...(kind === 'staff' || kind === 'team' ? { staffMemberIds: values.staffMemberIds.map(Number) } : {}),
          ...(kind === 'reader' ? { readerName: values.readerName } : {}),
          ...(kind === 'reader' && values.preparedByStaffId ? { preparedByStaffId: Number(values.preparedByStaffId) } : {}),
          ...(kind === 'team' ? { teamName: values.teamName } : {}),
          nomination: values.nomination,
          workTitle: values.workTitle,
          ...(values.result ? { awards: [awardBody(values)] } : {}),
        } as AddEntryBody;
        try {
          const entry = await api.post<EntryView>(`/competitions/${competition.id}/entries`, body);
          onDone(f.saved(entry.participantLabel));
          return undefined;
        } catch (failure) {
          throw withAwardFields(failure, 'awards.0.');
        }
      }}
    >
      <SelectField form={form} name="branchId" label={f.branch} hint={f.branchHint} required options={[['', f.chooseBranch], ...ownBranches]} />
      <SelectField form={form} name="participantKind" label={f.participantKind} options={optionsOf(participantKindLabels)} />
      {kind === 'reader' && (
        <>
          <TextField form={form} name="readerName" label={f.readerName} hint={f.readerNameHint} required />
          <SelectField form={form} name="preparedByStaffId" label={f.preparedBy} options={[['', f.nobody], ...people]} />
        </>
      )}
      {kind === 'team' && <TextField form={form} name="teamName" label={f.teamName} required />}
      {competition.nominations.length > 0 && (
        <SelectField
          form={form}
          name="nomination"
          label={f.nomination}
          options={[['', f.noNomination], ...competition.nominations.map((name) => [name, name] as const)]}
        />
      )}
      <TextField form={form} name="workTitle" label={f.workTitle} wide />
      <AwardFields form={form} noResultLabel={f.noResult} />
      {(kind === 'staff' || kind === 'team') && (
        <StaffPicker form={form} name="staffMemberIds" label={kind === 'staff' ? f.staff : f.teamMembers} required={kind === 'staff'} staff={staff ?? []} />
      )}
    </Form>
  );
}
