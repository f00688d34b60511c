import { optionsOf, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import type { CompetitionLevel, CompetitionView, CreateCompetitionBody } from '../../lib/contract.js';
import { useForm } from '../../lib/form.js';
import { competitionLevelLabels, t } from '../../lib/messages.js';

export const competitionValues = (competition?: CompetitionView) => ({
  name: competition?.name ?? '',
  year: String(competition?.year ?? new Date().getFullYear()),
  level: competition?.level ?? 'regional',
  organiser: competition?.organiser ?? '',
  nominations: competition?.nominations.join('\n') ?? '',
});
type CompetitionValues = ReturnType<typeof competitionValues>;

interface CompetitionFormProps {
  initial: CompetitionValues;
  label: string;
  submitLabel: string;
  send(body: CreateCompetitionBody): Promise<string | undefined>;
  onCancel(): void;
}

/** A competition's name, year, level, organiser and nominations (one per line), for creating or correcting it. */
export function CompetitionForm({ initial, label, submitLabel, send, onCancel }: CompetitionFormProps) {
  const form = useForm(initial);
  const f = t.competitionForm;
  return (
    <Form
      form={form}
      label={label}
      submitLabel={submitLabel}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={(values) => send({
        name: values.name,
        // An empty year is left out, so that the server answers «обязательное поле».
        ...(values.year.trim() ? { year: Number(values.year) } : {}),
        level: values.level as CompetitionLevel,
        organiser: values.organiser,
        nominations: values.nominations.split('\n').map((line) => line.trim()).filter(Boolean),
      } as CreateCompetitionBody)}
    >
      <TextField form={form} name="name" label={f.name} hint={f.nameHint} required wide />
      <TextField form={form} name="year" label={f.year} type="number" min={1900} max={2100} required />
      <SelectField form={form} name="level" label={f.level} options={optionsOf(competitionLevelLabels)} />
      <TextField form={form} name="organiser" label={f.organiser} />
      <TextAreaField form={form} name="nominations" label={f.nominations} hint={f.nominationsHint} rows={3} />
    </Form>
  );
}
