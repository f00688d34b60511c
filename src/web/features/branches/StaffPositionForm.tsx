import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { CreateStaffPositionBody, StaffPositionView, UpdateStaffPositionBody } from '../../lib/contract.js';
import { formatDecimal, today } from '../../lib/format.js';
import { numberOrNull, orNull, useForm, withoutEmpty } from '../../lib/form.js';
import { t } from '../../lib/messages.js';

interface StaffPositionFormProps {
  branchId: number;
  /** The post to correct; a new one is added without it. */
  post?: StaffPositionView;
  onDone(message: string): void;
  onCancel(): void;
}

/** Adds an establishment post (штатная единица) to the branch, or corrects one. */
export function StaffPositionForm({ branchId, post, onDone, onCancel }: StaffPositionFormProps) {
  const form = useForm({
    title: post?.title ?? '',
    rate: post ? formatDecimal(post.rate) : '1',
    validFrom: post?.validFrom ?? today(),
    validTo: post?.validTo ?? '',
  });
  const f = t.staffPositions;
  return (
    <Form
      form={form}
      label={post ? f.editTitle : f.addTitle}
      submitLabel={post ? t.save : f.submit}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const rate = numberOrNull(values.rate);
        // An empty rate or start is left out, so that the server answers «обязательное поле».
        const fields = withoutEmpty({
          title: values.title,
          ...(rate === null ? {} : { rate }),
          validFrom: values.validFrom,
          validTo: orNull(values.validTo),
        }, 'validFrom');
        const saved = post
          ? await api.patch<StaffPositionView>(`/staff-positions/${post.id}`, fields satisfies UpdateStaffPositionBody)
          : await api.post<StaffPositionView>('/staff-positions', { branchId, ...fields } as CreateStaffPositionBody);
        onDone(post ? f.saved(saved.title) : f.added(saved.title));
        return undefined;
      }}
    >
      <TextField form={form} name="title" label={f.position} required wide />
      <TextField form={form} name="rate" label={f.rate} required hint={f.rateHint} />
      <TextField form={form} name="validFrom" label={f.validFrom} required type="date" />
      <TextField form={form} name="validTo" label={f.validTo} type="date" hint={f.validToHint} />
    </Form>
  );
}
