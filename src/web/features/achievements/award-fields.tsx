import { optionsOf, SelectField, TextField } from '../../components/fields.js';
import { ApiError } from '../../lib/api.js';
import type { AddAwardBody, AwardResult } from '../../lib/contract.js';
import type { FormState } from '../../lib/form.js';
import { awardResultLabels, t } from '../../lib/messages.js';

export const awardValues = { result: '', rank: '1', amount: '', note: '' };
type AwardValues = typeof awardValues;

const RANKED: readonly string[] = ['place', 'diploma'];
const WITH_AMOUNT: readonly string[] = ['monetary', 'grant'];

/** The result typed into a form, as the API takes it; roubles become kopecks. */
export function awardBody(values: AwardValues): AddAwardBody {
  const amount = values.amount.trim().replace(/\s/g, '').replace(',', '.');
  return {
    result: values.result as AwardResult,
    ...(RANKED.includes(values.result) ? { rank: Number(values.rank) } : {}),
    ...(WITH_AMOUNT.includes(values.result) && amount ? { amountKopecks: Math.round(Number(amount) * 100) } : {}),
    ...(values.note.trim() ? { note: values.note } : {}),
  };
}

/** The server names an award's fields by their path in the body ('awards.0.rank'); the form by their own name. */
export function withAwardFields(failure: unknown, prefix: string): unknown {
  if (!(failure instanceof ApiError)) return failure;
  const errors = failure.errors.map((error) => ({ ...error, field: error.field.replace(prefix, '').replace('amountKopecks', 'amount') }));
  return new ApiError(failure.status, failure.title, failure.detail, errors);
}

/** Result, then the place or degree (places and diplomas) or the sum (money), as the result needs. */
export function AwardFields<V extends AwardValues>({ form, noResultLabel, withNote }: { form: FormState<V>; noResultLabel?: string; withNote?: boolean }) {
  const f = t.awardForm;
  // The award's fields are a part of a bigger form (an entry's), whose values include these keys.
  const awardForm = form as unknown as FormState<AwardValues>;
  const result = awardForm.values.result;
  return (
    <>
      <SelectField
        form={awardForm}
        name="result"
        label={f.result}
        required={!noResultLabel}
        options={[...(noResultLabel ? [['', noResultLabel] as const] : []), ...optionsOf(awardResultLabels)]}
      />
      {RANKED.includes(result) && (
        <SelectField form={awardForm} name="rank" label={f.rank} options={[['1', '1'], ['2', '2'], ['3', '3']]} />
      )}
      {WITH_AMOUNT.includes(result) && (
        <TextField form={awardForm} name="amount" label={f.amount} hint={f.amountHint} required={result === 'monetary'} />
      )}
      {withNote && <TextField form={awardForm} name="note" label={f.note} />}
    </>
  );
}
