import { useEffect, useState, type ReactNode } from 'react';
import { Field } from '../../components/Field.js';
import { api, ApiError } from '../../lib/api.js';
import type { AgeRating, BibFormView, CataloguingOptions, DuplicateCandidateView, DuplicatesView } from '../../lib/contract.js';
import { t } from '../../lib/messages.js';
import { isbnMessage, issnMessage } from './isbn-check.js';
import './catalogue.css';

type Schema = 'rusmarc' | 'marc21';
type Organisation = NonNullable<BibFormView['organisations']>[number];

/** The form as typed: lists as lines, the year as text. */
export interface BibFormValues {
  schema: Schema;
  documentType: BibFormView['documentType'];
  title: string; subtitle: string; parallelTitle: string;
  persons: { name: string; role: string }[];
  organisations: Organisation[];
  responsibility: string; edition: string; place: string; publisher: string; year: string; extent: string; series: string;
  isbns: string; invalidIsbns: string; issns: string; language: string; bbk: string; authorMark: string; udc: string;
  subjects: string; keywords: string; annotation: string; contents: string; ageRating: string;
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

export function valuesOfForm(form: BibFormView, schema: Schema): BibFormValues {
  return {
    ...form, schema, year: form.year === null ? '' : String(form.year), isbns: form.isbns.join('\n'), series: form.series.join('\n'),
    invalidIsbns: (form.invalidIsbns ?? []).join('\n'), issns: (form.issns ?? []).join('\n'),
    subjects: form.subjects.join('\n'), keywords: form.keywords.join('\n'), contents: (form.contents ?? []).join('\n'),
    ageRating: form.ageRating ?? '',
    persons: form.persons.length ? form.persons : [{ name: '', role: 'aut' }],
    organisations: form.organisations ?? [],
  };
}

export const emptyValues = (): BibFormValues => ({
  schema: 'rusmarc', documentType: 'book', title: '', subtitle: '', parallelTitle: '', persons: [{ name: '', role: 'aut' }], organisations: [],
  responsibility: '', edition: '', place: '', publisher: '', year: '', extent: '', series: '', isbns: '', invalidIsbns: '', issns: '', language: 'rus', bbk: '',
  authorMark: '', udc: '', subjects: '', keywords: '', annotation: '', contents: '', ageRating: '',
});

export function formOfValues(values: BibFormValues): BibFormView {
  const year = values.year.trim();
  return {
    documentType: values.documentType, title: values.title, subtitle: values.subtitle, parallelTitle: values.parallelTitle,
    persons: values.persons.filter((person) => person.name.trim() !== ''),
    organisations: values.organisations.filter((organisation) => organisation.name.trim() !== ''),
    responsibility: values.responsibility, edition: values.edition, place: values.place, publisher: values.publisher,
    // A year typed as words goes to the server as it is, so that its message names the field.
    year: year === '' ? null : Number.isInteger(Number(year)) ? Number(year) : -1,
    extent: values.extent, series: lines(values.series), isbns: lines(values.isbns), invalidIsbns: lines(values.invalidIsbns),
    issns: lines(values.issns), language: values.language, bbk: values.bbk,
    authorMark: values.authorMark, udc: values.udc, subjects: lines(values.subjects), keywords: lines(values.keywords),
    annotation: values.annotation, contents: lines(values.contents), ageRating: (values.ageRating || null) as AgeRating | null,
  };
}

/** Initials and surname from «Пушкин, Александр Сергеевич», as the statement of responsibility is built by the server. */
function builtResponsibility(persons: { name: string; role: string }[]): string {
  const authors = persons.filter((person) => person.role === 'aut' && person.name.trim()).map((person) => {
    const [surname, forenames = ''] = person.name.split(',', 2).map((part) => part.trim());
    const initials = forenames.split(/\s+/).filter(Boolean).map((word) => `${word.charAt(0)}.`).join(' ');
    return initials ? `${initials} ${surname}` : surname;
  });
  return authors.length > 3 ? `${authors.slice(0, 3).join(', ')} [и др.]` : authors.join(', ');
}

/**
 * Under a list of numbers (ISBN, ISSN): what is wrong with each line, or that all are good (null while the list is
 * empty, so that the field's hint shows instead); `action` puts a button beside a line's problem.
 */
function numbersStatus(typed: string, messageOf: (line: string) => string | null, ok: string, action?: (line: string) => ReactNode): ReactNode {
  const typedLines = lines(typed);
  if (typedLines.length === 0) return null;
  const problems = typedLines.flatMap((line) => {
    const message = messageOf(line);
    return message === null ? [] : [{ line, message }];
  });
  return (
    <div className={`isbn-status${problems.length ? ' field-error' : ' isbn-ok'}`} role="status" aria-live="polite">
      {problems.length === 0 ? ok : (
        <ul className="plain-list">
          {problems.map(({ line, message }) => <li key={line}><span>{message}</span> {action?.(line)}</li>)}
        </ul>
      )}
    </div>
  );
}

/** Likely duplicates of what is being typed, asked for once the typing pauses. */
function useDuplicates(values: BibFormValues, excludeId: number | undefined): { candidates: DuplicateCandidateView[]; checking: boolean } {
  const [candidates, setCandidates] = useState<DuplicateCandidateView[]>([]);
  const [checking, setChecking] = useState(false);
  const isbn = lines(values.isbns).filter((line) => isbnMessage(line) === null).join(',');
  const author = values.persons.find((person) => person.name.trim())?.name.trim() ?? '';
  const title = values.title.trim();
  const year = /^\d{4}$/.test(values.year.trim()) ? values.year.trim() : '';
  useEffect(() => {
    if (!isbn && title.length < 3) {
      setCandidates([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setChecking(true);
      api.get<DuplicatesView>('/catalogue/duplicates', { isbn, title, author, year, excludeId }, controller.signal).then(
        (result) => { setCandidates(result.candidates); setChecking(false); },
        () => { if (!controller.signal.aborted) setChecking(false); },
      );
    }, 600);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [isbn, title, author, year, excludeId]);
  return { candidates, checking };
}

/** A person's or an organisation's role. One the list does not name (as an imported record gave it, or none) is shown as
 *  it is, not as the first of the list. */
function RoleSelect({ label, value, roles, invalid, onChange }: {
  label: string; value: string; roles: CataloguingOptions['roles']; invalid: boolean; onChange: (role: string) => void;
}) {
  return (
    <select aria-label={label} value={value} aria-invalid={invalid || undefined} onChange={(event) => onChange(event.target.value)}>
      {!roles.some((role) => role.value === value) && <option value={value}>{value || t.bibForm.noRole}</option>}
      {roles.map((role) => <option key={role.value} value={role.value}>{role.label}</option>)}
    </select>
  );
}

interface BibRecordFormProps {
  initial: BibFormValues;
  options: CataloguingOptions;
  /** The record being edited (it is not its own duplicate); undefined for a new record. */
  recordId?: number;
  label: string;
  submitLabel: string;
  /** Saves; `confirmDuplicate` once the cataloguer has said «Всё равно сохранить». */
  send(values: BibFormValues, confirmDuplicate: boolean): Promise<void>;
  /** A new record must not be saved over a likely duplicate without an explicit confirmation. */
  confirmDuplicates: boolean;
  /** Shown beside an error the form cannot fix itself (a stale edit). */
  extraError?(error: ApiError): ReactNode;
  actions?: ReactNode;
  /** Told whether the values differ from `initial` (unsaved changes), whenever that changes. */
  onDirty?(dirty: boolean): void;
}

export function BibRecordForm({ initial, options, recordId, label, submitLabel, send, confirmDuplicates, extraError, actions, onDirty }: BibRecordFormProps) {
  const f = t.bibForm;
  const [values, setValues] = useState(initial);
  const dirty = values !== initial && JSON.stringify(values) !== JSON.stringify(initial);
  useEffect(() => onDirty?.(dirty), [dirty, onDirty]);
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const { candidates, checking } = useDuplicates(values, recordId);
  const set = <K extends keyof BibFormValues>(key: K, value: BibFormValues[K]) => setValues((previous) => ({ ...previous, [key]: value }));
  const errorsOf = (field: string) => error?.errorsOf(`form.${field}`) ?? [];
  const needsConfirmation = confirmDuplicates && candidates.length > 0;

  const submit = async (confirmDuplicate: boolean) => {
    if (sending) return;
    setSending(true);
    setError(undefined);
    try {
      await send(values, confirmDuplicate);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, t.unexpectedError, String(failure)));
    } finally {
      setSending(false);
    }
  };

  const text = (key: 'title' | 'subtitle' | 'parallelTitle' | 'responsibility' | 'edition' | 'place' | 'publisher' | 'extent' | 'bbk' | 'authorMark' | 'udc',
    fieldLabel: string, extra: { required?: boolean; hint?: string; wide?: boolean } = {}) => (
    <Field label={fieldLabel} required={extra.required} hint={extra.hint} errors={errorsOf(key)} wide={extra.wide}>
      {(binding) => <input {...binding} type="text" name={key} value={values[key]} onChange={(event) => set(key, event.target.value)} />}
    </Field>
  );
  const area = (key: 'isbns' | 'invalidIsbns' | 'issns' | 'series' | 'subjects' | 'keywords' | 'annotation' | 'contents', fieldLabel: string, hint: string,
    rows: number, below?: ReactNode) => (
    <Field label={fieldLabel} hint={below ? undefined : hint} errors={errorsOf(key)} wide={!['isbns', 'invalidIsbns', 'issns', 'keywords'].includes(key)}>
      {(binding) => (
        <>
          <textarea {...binding} name={key} rows={rows} value={values[key]} onChange={(event) => set(key, event.target.value)} />
          {below}
        </>
      )}
    </Field>
  );

  // A wrong ISBN may be what the book really carries: the cataloguer may keep it as printed, flagged ($z), not as the book's ISBN.
  const keepAsPrinted = (isbn: string) => setValues((previous) => ({
    ...previous,
    isbns: lines(previous.isbns).filter((line) => line !== isbn).join('\n'),
    invalidIsbns: [...lines(previous.invalidIsbns), isbn].join('\n'),
  }));
  const isbnStatus = numbersStatus(values.isbns, isbnMessage, f.isbnOk,
    (isbn) => <button type="button" onClick={() => keepAsPrinted(isbn)}>{f.keepAsPrinted}</button>);
  const persons = values.persons;
  const setPerson = (index: number, patch: Partial<{ name: string; role: string }>) =>
    set('persons', persons.map((person, i) => (i === index ? { ...person, ...patch } : person)));
  const organisations = values.organisations;
  const setOrganisation = (index: number, patch: Partial<Organisation>) =>
    set('organisations', organisations.map((organisation, i) => (i === index ? { ...organisation, ...patch } : organisation)));

  return (
    <form
      className="form bib-form"
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!needsConfirmation) void submit(false);
      }}
    >
      <fieldset className="form-section">
        <legend>{f.titleSection}</legend>
        <div className="form-grid">
          {recordId === undefined && (
            <Field label={f.schema} hint={f.schemaHint}>
              {(binding) => (
                <select {...binding} value={values.schema} onChange={(event) => set('schema', event.target.value as Schema)}>
                  <option value="rusmarc">RUSMARC</option>
                  <option value="marc21">MARC21</option>
                </select>
              )}
            </Field>
          )}
          <Field label={f.documentType} errors={errorsOf('documentType')}>
            {(binding) => (
              <select {...binding} value={values.documentType} onChange={(event) => set('documentType', event.target.value as BibFormValues['documentType'])}>
                {options.documentTypes.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
              </select>
            )}
          </Field>
          {text('title', f.title, { required: true, wide: true })}
          {text('subtitle', f.subtitle, { hint: f.subtitleHint, wide: true })}
          {text('parallelTitle', f.parallelTitle, { wide: true })}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{f.persons}</legend>
        <p className="hint">{f.personsHint}</p>
        {persons.map((person, index) => (
          <div className="person-row" key={index}>
            <input
              type="text"
              aria-label={`${f.personName} ${index + 1}`}
              value={person.name}
              aria-invalid={errorsOf(`persons.${index}.name`).length ? true : undefined}
              onChange={(event) => setPerson(index, { name: event.target.value })}
            />
            <RoleSelect label={`${f.personRole} ${index + 1}`} value={person.role} roles={options.roles}
              invalid={errorsOf(`persons.${index}.role`).length > 0} onChange={(role) => setPerson(index, { role })} />
            <button type="button" disabled={index === 0} aria-label={f.moveUp(person.name)} title={f.moveUp(person.name)}
              onClick={() => set('persons', [...persons.slice(0, index - 1), person, persons[index - 1]!, ...persons.slice(index + 1)])}>↑</button>
            <button type="button" aria-label={f.removePerson(person.name)} title={f.removePerson(person.name)}
              onClick={() => set('persons', persons.filter((_, i) => i !== index))}>✕</button>
          </div>
        ))}
        <button type="button" onClick={() => set('persons', [...persons, { name: '', role: persons.some((p) => p.role === 'aut') ? 'ill' : 'aut' }])}>{f.addPerson}</button>
        <div className="form-grid">
          {text('responsibility', f.responsibility, { hint: f.responsibilityHint(builtResponsibility(persons)), wide: true })}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{f.organisations}</legend>
        <p className="hint">{f.organisationsHint}</p>
        {organisations.map((organisation, index) => (
          <div className="person-row" key={index}>
            <input
              type="text"
              aria-label={`${f.organisationName} ${index + 1}`}
              value={organisation.name}
              aria-invalid={errorsOf(`organisations.${index}.name`).length ? true : undefined}
              onChange={(event) => setOrganisation(index, { name: event.target.value })}
            />
            <RoleSelect label={`${f.organisationRole} ${index + 1}`} value={organisation.role} roles={options.organisationRoles}
              invalid={errorsOf(`organisations.${index}.role`).length > 0} onChange={(role) => setOrganisation(index, { role })} />
            <select aria-label={`${f.organisationKind} ${index + 1}`} value={organisation.kind}
              onChange={(event) => setOrganisation(index, { kind: event.target.value as Organisation['kind'] })}>
              <option value="organisation">{f.organisationKinds.organisation}</option>
              <option value="meeting">{f.organisationKinds.meeting}</option>
            </select>
            <button type="button" aria-label={f.removeOrganisation(organisation.name)} title={f.removeOrganisation(organisation.name)}
              onClick={() => set('organisations', organisations.filter((_, i) => i !== index))}>✕</button>
          </div>
        ))}
        <button type="button" onClick={() => set('organisations', [...organisations,
          { name: '', role: persons.some((p) => p.role === 'aut' && p.name.trim()) ? 'edt' : 'aut', kind: 'organisation' }])}>{f.addOrganisation}</button>
      </fieldset>

      <fieldset className="form-section">
        <legend>{f.publicationSection}</legend>
        <div className="form-grid">
          {text('edition', f.edition, { hint: f.editionHint })}
          {text('place', f.place)}
          {text('publisher', f.publisher)}
          <Field label={f.year} errors={errorsOf('year')}>
            {(binding) => <input {...binding} type="text" inputMode="numeric" name="year" value={values.year} onChange={(event) => set('year', event.target.value)} />}
          </Field>
          {text('extent', f.extent, { hint: f.extentHint })}
          {area('series', f.series, f.seriesHint, 2)}
          {area('isbns', f.isbns, f.isbnHint, 2, isbnStatus)}
          {area('invalidIsbns', f.invalidIsbns, f.invalidIsbnsHint, 2)}
          {area('issns', f.issns, f.issnHint, 2, numbersStatus(values.issns, issnMessage, f.issnOk))}
          <Field label={f.language} errors={errorsOf('language')}>
            {(binding) => (
              <select {...binding} value={values.language} onChange={(event) => set('language', event.target.value)}>
                <option value="">{f.noLanguage}</option>
                {!options.languages.some((option) => option.value === values.language) && values.language && <option value={values.language}>{values.language}</option>}
                {options.languages.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{f.subjectSection}</legend>
        <div className="form-grid">
          {text('bbk', f.bbk, { hint: f.bbkHint })}
          {text('authorMark', f.authorMark)}
          {text('udc', f.udc)}
          {area('subjects', f.subjects, f.subjectsHint, 3)}
          {area('keywords', f.keywords, f.keywordsHint, 3)}
          {area('annotation', f.annotation, '', 4)}
          {area('contents', f.contents, f.contentsHint, 4)}
          <Field label={f.ageRating} required hint={f.ageRatingHint} errors={errorsOf('ageRating')} wide>
            {(binding) => (
              <select {...binding} value={values.ageRating} onChange={(event) => set('ageRating', event.target.value)}>
                <option value="">{f.chooseAgeRating}</option>
                {options.ageRatings.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      {candidates.length > 0 && (
        <div className="duplicates" role="alert">
          <h2>{f.duplicatesTitle}</h2>
          <ul>
            {candidates.map((candidate) => (
              <li key={candidate.id}>
                <a href={`/app/catalogue/${candidate.id}`} target="_blank" rel="noreferrer">
                  {candidate.title}{candidate.authors.length ? ` / ${candidate.authors.join(', ')}` : ''}{candidate.year ? `, ${candidate.year}` : ''}
                </a>{' '}
                {f.duplicateReason(candidate.reason)}
              </li>
            ))}
          </ul>
          {confirmDuplicates && <p>{f.duplicatesHint}</p>}
          {confirmDuplicates && (
            <button type="button" className="danger" disabled={sending} onClick={() => void submit(true)}>{f.saveAnyway}</button>
          )}
        </div>
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          <strong>{error.title}</strong>
          {error.errors.length > 0 ? <ul>{error.errors.map((e) => <li key={e.field + e.message}>{e.message}</li>)}</ul> : ` — ${error.detail}`}
          {extraError?.(error)}
          {confirmDuplicates && error.status === 409 && candidates.length === 0 && (
            <button type="button" className="danger" disabled={sending} onClick={() => void submit(true)}>{f.saveAnyway}</button>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={sending || needsConfirmation} aria-busy={sending || undefined}>{submitLabel}</button>
        {checking && <span className="muted">{f.checkingDuplicates}</span>}
        {sending && <span className="muted">{t.saving}</span>}
        {actions}
      </div>
    </form>
  );
}
