import { CheckboxGroupField, optionsOf, SelectField, TextField } from '../../components/fields.js';
import type { FormState } from '../../lib/form.js';
import { roleLabels, t } from '../../lib/messages.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';

type UserValues = { fullName: string; role: string; branchIds: string[] };

/** Name, role and — for a librarian — the branches whose data they change. */
export function UserFields<V extends UserValues>({ form }: { form: FormState<V> }) {
  const branches = useAllBranches();
  const f = t.userForm;
  // The generic form is narrowed to the user fields it certainly has.
  const user = form as unknown as FormState<UserValues>;
  return (
    <>
      <TextField form={user} name="fullName" label={f.fullName} required wide />
      <SelectField form={user} name="role" label={f.role} required options={optionsOf(roleLabels)} />
      {user.values.role === 'librarian' && (
        <CheckboxGroupField form={user} name="branchIds" label={f.branches} required hint={f.branchesHint} options={branchOptions(branches ?? [])} />
      )}
    </>
  );
}

/** Branches are sent for a librarian only: the server refuses them for other roles. */
export const branchIdsFor = (role: string, branchIds: string[]) => (role === 'librarian' ? branchIds.map(Number) : []);
