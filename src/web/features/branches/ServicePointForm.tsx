import { optionsOf, SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { CreateServicePointBody, ServicePointKind, ServicePointView } from '../../lib/contract.js';
import { orNull, useForm } from '../../lib/form.js';
import { servicePointKindLabels, t } from '../../lib/messages.js';

/** Adds an outreach service point served by the branch. */
export function ServicePointForm({ branchId, onDone, onCancel }: { branchId: number; onDone(message: string): void; onCancel(): void }) {
  const form = useForm({ name: '', kind: 'other', address: '', openedOn: '', closedOn: '' });
  const f = t.servicePoints;
  return (
    <Form
      form={form}
      label={f.title}
      submitLabel={f.submit}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const body: CreateServicePointBody = {
          branchId,
          name: values.name,
          kind: values.kind as ServicePointKind,
          address: values.address,
          openedOn: orNull(values.openedOn),
          closedOn: orNull(values.closedOn),
        };
        const point = await api.post<ServicePointView>('/service-points', body);
        onDone(f.saved(point.name));
        return undefined;
      }}
    >
      <TextField form={form} name="name" label={f.name} required wide />
      <SelectField form={form} name="kind" label={f.kind} options={optionsOf(servicePointKindLabels)} />
      <TextField form={form} name="address" label={f.address} wide />
      <TextField form={form} name="openedOn" label={f.openedOn} type="date" />
      <TextField form={form} name="closedOn" label={f.closedOn} type="date" />
    </Form>
  );
}
