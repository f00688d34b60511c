import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { AwardView } from '../../lib/contract.js';
import { useForm } from '../../lib/form.js';
import { t } from '../../lib/messages.js';
import { AwardFields, awardBody, awardValues, withAwardFields } from './award-fields.js';

/** Adds a result to an entry (the jury decided after the entry was recorded). */
export function AwardForm({ entryId, onDone, onCancel }: { entryId: number; onDone(message: string): void; onCancel(): void }) {
  const form = useForm({ ...awardValues, result: 'participation_certificate' });
  const f = t.awardForm;
  return (
    <Form
      form={form}
      label={f.title}
      submitLabel={f.submit}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        try {
          const award = await api.post<AwardView>(`/competition-entries/${entryId}/awards`, awardBody(values));
          onDone(f.saved(award.wording));
          return undefined;
        } catch (failure) {
          throw withAwardFields(failure, '');
        }
      }}
    >
      <AwardFields form={form} withNote />
    </Form>
  );
}
