import { optionsOf, SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { CreateTrainingBody, TrainingTopic, TrainingView } from '../../lib/contract.js';
import { numberOrNull, orNull, useForm, withoutEmpty } from '../../lib/form.js';
import { t, trainingTopicLabels } from '../../lib/messages.js';

/** Records a completed course (повышение квалификации) of a staff member. */
export function TrainingForm({ staffMemberId, onDone, onCancel }: { staffMemberId: number; onDone(message: string): void; onCancel(): void }) {
  const form = useForm({ course: '', provider: '', topic: 'library', hours: '', startedOn: '', finishedOn: '', certificateNumber: '' });
  const f = t.trainings;
  return (
    <Form
      form={form}
      label={f.addTitle}
      submitLabel={f.submit}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const body: CreateTrainingBody = {
          course: values.course,
          provider: values.provider,
          topic: values.topic as TrainingTopic,
          hours: numberOrNull(values.hours),
          startedOn: orNull(values.startedOn),
          finishedOn: values.finishedOn,
          certificateNumber: values.certificateNumber,
        };
        const training = await api.post<TrainingView>(`/staff/${staffMemberId}/trainings`, withoutEmpty(body, 'finishedOn'));
        onDone(f.saved(training.course));
        return undefined;
      }}
    >
      <TextField form={form} name="course" label={f.course} required wide />
      <TextField form={form} name="provider" label={f.provider} wide />
      <SelectField form={form} name="topic" label={f.topic} options={optionsOf(trainingTopicLabels)} />
      <TextField form={form} name="hours" label={f.hours} type="number" min={1} />
      <TextField form={form} name="startedOn" label={f.startedOn} type="date" />
      <TextField form={form} name="finishedOn" label={f.finishedOn} required type="date" />
      <TextField form={form} name="certificateNumber" label={f.certificateNumber} />
    </Form>
  );
}
