import { optionsOf, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import type { CampaignKind, CampaignLevel, CampaignView, CreateCampaignBody } from '../../lib/contract.js';
import { numberOrNull, useForm, withoutEmpty } from '../../lib/form.js';
import { campaignKindLabels, competitionLevelLabels, t } from '../../lib/messages.js';
import { currentYear } from './use-events.js';

export function campaignValues(campaign?: CampaignView) {
  return {
    name: campaign?.name ?? '',
    kind: campaign?.kind ?? 'campaign',
    year: String(campaign?.year ?? currentYear()),
    level: campaign?.level ?? 'national',
    organiser: campaign?.organiser ?? '',
    description: campaign?.description ?? '',
  };
}

/** A campaign's or project's details: both the create (POST) and the full update (PATCH) form. */
export function CampaignForm({ initial, label, submitLabel, send, onCancel }: {
  initial: ReturnType<typeof campaignValues>;
  label: string;
  submitLabel: string;
  send(body: CreateCampaignBody): Promise<string | undefined>;
  onCancel(): void;
}) {
  const form = useForm(initial);
  const f = t.campaignForm;
  return (
    <Form
      form={form}
      label={label}
      submitLabel={submitLabel}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={(values) => {
        const body = {
          ...values, kind: values.kind as CampaignKind, level: values.level as CampaignLevel, year: numberOrNull(values.year) as number,
        };
        return send(withoutEmpty(body, 'year'));
      }}
    >
      <TextField form={form} name="name" label={f.name} required wide />
      <SelectField form={form} name="kind" label={f.kind} required options={optionsOf(campaignKindLabels)} />
      <TextField form={form} name="year" label={f.year} required type="number" min={1900} max={2100} />
      <SelectField form={form} name="level" label={f.level} required options={optionsOf(competitionLevelLabels)} />
      <TextField form={form} name="organiser" label={f.organiser} />
      <TextAreaField form={form} name="description" label={f.description} />
    </Form>
  );
}
