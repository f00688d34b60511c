import { optionsOf, SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { CreateServicePointBody, ServicePointKind, ServicePointView, UpdateServicePointBody } from '../../lib/contract.js';
import { orNull, useForm } from '../../lib/form.js';
import { servicePointKindLabels, t } from '../../lib/messages.js';

interface ServicePointFormProps {
  branchId: number;
  /** The point to change; a new one is added without it. */
  point?: ServicePointView;
  onDone(message: string): void;
  onCancel(): void;
}

/** Adds an outreach service point served by the branch, or changes one. */
export function ServicePointForm({ branchId, point, onDone, onCancel }: ServicePointFormProps) {
  const form = useForm({
    name: point?.name ?? '',
    kind: point?.kind ?? 'other',
    address: point?.address ?? '',
    openedOn: point?.openedOn ?? '',
    closedOn: point?.closedOn ?? '',
  });
  const f = t.servicePoints;
  return (
    <Form
      form={form}
      label={point ? f.editTitle : f.title}
      submitLabel={point ? t.save : f.submit}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const fields = {
          name: values.name,
          kind: values.kind as ServicePointKind,
          address: values.address,
          openedOn: orNull(values.openedOn),
          closedOn: orNull(values.closedOn),
        };
        if (point) {
          const saved = await api.patch<ServicePointView>(`/service-points/${point.id}`, fields satisfies UpdateServicePointBody);
          onDone(f.updated(saved.name));
        } else {
          const created = await api.post<ServicePointView>('/service-points', { branchId, ...fields } satisfies CreateServicePointBody);
          onDone(f.saved(created.name));
        }
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
