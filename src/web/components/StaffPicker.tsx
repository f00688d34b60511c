import type { FormState, FormValues, KeysOfType } from '../lib/form.js';
import type { StaffMemberView } from '../lib/contract.js';
import { t } from '../lib/messages.js';

interface StaffPickerProps<V extends FormValues> {
  form: FormState<V>;
  name: KeysOfType<V, string[]>;
  label: string;
  staff: StaffMemberView[];
  required?: boolean;
  hint?: string;
}

/**
 * Staff members to tick, grouped under their branch (a branch's name is too long to repeat on
 * every line), each group with «все» to tick or untick the whole branch at once.
 */
export function StaffPicker<V extends FormValues>({ form, name, label, staff, required, hint }: StaffPickerProps<V>) {
  const selected = form.values[name] as string[];
  const errors = form.errorsOf(name);
  const set = (ids: string[]) => form.set(name, ids as V[typeof name]);
  const groups = new Map<string, StaffMemberView[]>();
  for (const member of staff) groups.set(member.branchName, [...(groups.get(member.branchName) ?? []), member]);

  return (
    <fieldset className={`checkbox-group staff-picker${errors.length ? ' field-invalid' : ''}`} aria-invalid={errors.length ? true : undefined}>
      <legend>
        {label}
        {required && <span className="required" aria-hidden="true"> *</span>}
      </legend>
      {hint && <small className="hint">{hint}</small>}
      <div className="staff-picker-groups">
        {[...groups].sort(([a], [b]) => a.localeCompare(b, 'ru')).map(([branchName, members]) => {
          const ids = members.map((member) => String(member.id));
          const all = ids.every((id) => selected.includes(id));
          return (
            <div key={branchName} className="staff-picker-group" role="group" aria-label={branchName}>
              <div className="staff-picker-branch">
                {branchName}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t.staffPicker.toggleBranch(branchName, all)}
                  onClick={() => set(all ? selected.filter((id) => !ids.includes(id)) : [...new Set([...selected, ...ids])])}
                >
                  {all ? t.staffPicker.none : t.staffPicker.all}
                </button>
              </div>
              <div className="checkbox-list">
                {members.map((member) => (
                  <label key={member.id}>
                    <input
                      type="checkbox"
                      name={name}
                      value={member.id}
                      checked={selected.includes(String(member.id))}
                      onChange={(event) => set(event.target.checked ? [...selected, String(member.id)] : selected.filter((id) => id !== String(member.id)))}
                    />
                    {member.fullName}
                  </label>
                ))}
              </div>
            </div>
          );
        })}
      </div>
      {errors.length > 0 && <span className="field-error" role="alert">{errors.join('; ')}</span>}
    </fieldset>
  );
}
