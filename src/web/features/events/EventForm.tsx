import { CheckboxGroupField, optionsOf, SelectField, TextAreaField, TextField, type Options } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Loading } from '../../components/Status.js';
import { ApiError } from '../../lib/api.js';
import type { CreateEventBody, EventAdmission, EventAudience, EventPlaceKind, EventView } from '../../lib/contract.js';
import { numberOrNull, orNull, useForm, withoutEmpty, type FormState } from '../../lib/form.js';
import { admissionLabels, audienceLabels, placeKindLabels, t } from '../../lib/messages.js';
import { dictionaryOptions, referenceOptions, useAllPartners, useCampaigns, useEventDictionaries } from './use-events.js';

export type EventValues = ReturnType<typeof eventValues>;

const ids = (items: { id: number }[] | undefined) => (items ?? []).map((item) => String(item.id));
const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** Form values of an event (empty for a new one, optionally at given branches). */
export function eventValues(event: EventView | undefined, branchIds: string[] = []) {
  return {
    title: event?.title ?? '',
    startsOn: event?.startsOn ?? '',
    endsOn: event?.endsOn ?? '',
    startsAt: event?.startsAt ?? '',
    branchIds: event ? ids(event.branches) : branchIds,
    placeKind: event?.placeKind ?? 'library',
    place: event?.place ?? '',
    formId: event ? String(event.form.id) : '',
    directionIds: ids(event?.directions),
    audience: event?.audience ?? 'general',
    admission: event?.admission ?? 'free',
    campaignId: event?.campaign ? String(event.campaign.id) : '',
    partnerIds: ids(event?.partners),
    exhibitionDocuments: text(event?.exhibitionDocuments),
    description: event?.description ?? '',
    attendanceTotal: text(event?.attendance?.total),
    attendanceChildren: text(event?.attendance?.children),
    attendanceYouth: text(event?.attendance?.youth),
    attendanceAdults: text(event?.attendance?.adults),
    attendanceDisabled: text(event?.attendance?.disabled),
  };
}

type AttendanceValues = Pick<EventValues, 'attendanceTotal' | 'attendanceChildren' | 'attendanceYouth' | 'attendanceAdults' | 'attendanceDisabled'>;

/** The attendance as typed: nothing when the total is empty (the event is not held yet). */
export function attendanceOf(values: AttendanceValues) {
  const total = numberOrNull(values.attendanceTotal);
  if (total === null) return null;
  const group = (value: string) => numberOrNull(value) ?? 0;
  return {
    total, children: group(values.attendanceChildren), youth: group(values.attendanceYouth),
    adults: group(values.attendanceAdults), disabled: group(values.attendanceDisabled),
  };
}

/** The server names attendance fields by their path; the form keeps them flat. */
const ATTENDANCE_FIELDS: Record<string, string> = {
  attendance: 'attendanceTotal',
  'attendance.total': 'attendanceTotal',
  'attendance.children': 'attendanceChildren',
  'attendance.youth': 'attendanceYouth',
  'attendance.adults': 'attendanceAdults',
  'attendance.disabled': 'attendanceDisabled',
};

export function withAttendanceFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = error.errors.map((e) => ({ ...e, field: ATTENDANCE_FIELDS[e.field] ?? e.field }));
  return new ApiError(error.status, error.title, error.detail, errors);
}

/** Every field of an event: both the create (POST) and the full update (PATCH) body. */
function toBody(values: EventValues): CreateEventBody {
  const body: CreateEventBody = {
    title: values.title,
    startsOn: values.startsOn,
    endsOn: orNull(values.endsOn),
    startsAt: orNull(values.startsAt),
    branchIds: values.branchIds.map(Number),
    placeKind: values.placeKind as EventPlaceKind,
    place: values.place,
    formId: Number(values.formId),
    directionIds: values.directionIds.map(Number),
    audience: values.audience as EventAudience,
    admission: values.admission as EventAdmission,
    campaignId: values.campaignId ? Number(values.campaignId) : null,
    partnerIds: values.partnerIds.map(Number),
    exhibitionDocuments: numberOrNull(values.exhibitionDocuments),
    description: values.description,
    attendance: attendanceOf(values),
  };
  return withoutEmpty(body, 'startsOn', 'formId');
}

/** The attendance inputs: the total and, of it, the 6-НК age groups and people with disabilities. */
export function AttendanceFields<V extends AttendanceValues>({ form }: { form: FormState<V> }) {
  const f = t.eventEditor;
  // The generic form is narrowed to the attendance fields it certainly has.
  const attendance = form as unknown as FormState<AttendanceValues>;
  return (
    <fieldset>
      <legend>{f.attendance}</legend>
      <small className="hint fieldset-hint">{f.attendanceHint}</small>
      <TextField form={attendance} name="attendanceTotal" label={f.total} type="number" min={0} />
      <TextField form={attendance} name="attendanceChildren" label={f.children} type="number" min={0} />
      <TextField form={attendance} name="attendanceYouth" label={f.youth} type="number" min={0} />
      <TextField form={attendance} name="attendanceAdults" label={f.adults} type="number" min={0} />
      <TextField form={attendance} name="attendanceDisabled" label={f.disabled} type="number" min={0} />
    </fieldset>
  );
}

interface EventFormProps {
  initial: EventValues;
  /** The branches this user may record events for. */
  branchOptions: Options;
  /** The event's present form and directions: shown even if retired since. */
  kept?: { formId: number; directionIds: number[]; campaign: { id: number; name: string } | null };
  label: string;
  submitLabel: string;
  send(body: CreateEventBody): Promise<string | undefined>;
  onCancel?: () => void;
}

export function EventForm({ initial, branchOptions, kept, label, submitLabel, send, onCancel }: EventFormProps) {
  const form = useForm(initial);
  const dictionaries = useEventDictionaries();
  const partners = useAllPartners();
  const year = /^\d{4}/.test(form.values.startsOn) ? Number(form.values.startsOn.slice(0, 4)) : undefined;
  const campaigns = useCampaigns(year);
  const f = t.eventEditor;
  if (!dictionaries) return <Loading />;
  if (dictionaries.forms.length === 0) return <p className="notice notice-error">{f.noDictionaries}</p>;

  const chosenForm = dictionaries.forms.find((entry) => String(entry.id) === form.values.formId);
  // A campaign of another year stays on the event it is linked to (the server then says what is wrong).
  const keptCampaign = kept?.campaign && !(campaigns ?? []).some((campaign) => campaign.id === kept.campaign!.id) ? [kept.campaign] : [];
  const campaignOptions = referenceOptions([...(campaigns ?? []), ...keptCampaign]);
  return (
    <Form
      form={form}
      label={label}
      submitLabel={submitLabel}
      className="form-grid"
      actions={onCancel && <button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        try {
          return await send(toBody(values));
        } catch (error) {
          throw withAttendanceFields(error);
        }
      }}
    >
      <TextField form={form} name="title" label={f.title} required hint={f.titleHint} wide />
      <TextField form={form} name="startsOn" label={f.startsOn} required type="date" />
      <TextField form={form} name="startsAt" label={f.startsAt} type="time" />
      <TextField form={form} name="endsOn" label={f.endsOn} type="date" hint={f.endsOnHint} />
      <SelectField form={form} name="formId" label={f.form} required options={[['', f.chooseForm], ...dictionaryOptions(dictionaries.forms, kept ? [kept.formId] : [])]} />
      <SelectField form={form} name="audience" label={f.audience} required options={optionsOf(audienceLabels)} />
      <SelectField form={form} name="placeKind" label={f.placeKind} required options={optionsOf(placeKindLabels)} />
      <TextField form={form} name="place" label={f.place} hint={f.placeHint} />
      <SelectField form={form} name="admission" label={f.admission} options={optionsOf(admissionLabels)} />
      <SelectField form={form} name="campaignId" label={f.campaign} options={[['', f.noCampaign], ...campaignOptions]} />
      {(chosenForm?.countsDocuments || form.values.exhibitionDocuments !== '') && (
        <TextField form={form} name="exhibitionDocuments" label={f.exhibitionDocuments} type="number" min={1} />
      )}
      <CheckboxGroupField form={form} name="branchIds" label={f.branches} required hint={f.branchesHint} options={branchOptions} />
      <CheckboxGroupField
        form={form}
        name="directionIds"
        label={f.directions}
        required
        options={dictionaryOptions(dictionaries.directions, kept?.directionIds)}
      />
      {partners && partners.length > 0
        ? <CheckboxGroupField form={form} name="partnerIds" label={f.partners} options={referenceOptions(partners)} />
        : <p className="muted small">{f.noPartners}</p>}
      <TextAreaField form={form} name="description" label={f.description} />
      <AttendanceFields form={form} />
    </Form>
  );
}
