import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { Notice, useDisclosure, type DisclosureState } from '../../components/Disclosure.js';
import { CheckboxField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table, type Column } from '../../components/Table.js';
import { api, ApiError } from '../../lib/api.js';
import type { CreateEventFormBody, EventDictionaries, EventFormView, UpdateEventFormBody } from '../../lib/contract.js';
import { useForm } from '../../lib/form.js';
import { t } from '../../lib/messages.js';
import { useApi } from '../../lib/use-api.js';
import { EventsNav } from './EventsNav.js';

type Entry = EventDictionaries['directions'][number] & Partial<Pick<EventFormView, 'countsDocuments'>>;
type Kind = 'forms' | 'directions';
const PATHS: Record<Kind, string> = { forms: '/event-forms', directions: '/event-directions' };

function AddEntryForm({ kind, onDone }: { kind: Kind; onDone(message: string): void }) {
  const form = useForm({ code: '', name: '', countsDocuments: false });
  const d = t.dictionaries;
  return (
    <Form
      form={form}
      label={kind === 'forms' ? d.addForm : d.addDirection}
      submitLabel={kind === 'forms' ? d.addForm : d.addDirection}
      className="form-grid"
      onSubmit={async (values) => {
        const body: CreateEventFormBody = kind === 'forms' ? values : { code: values.code, name: values.name };
        const entry = await api.post<Entry>(PATHS[kind], body);
        form.reset();
        onDone(d.added(entry.name));
        return undefined;
      }}
    >
      <TextField form={form} name="code" label={d.code} required hint={d.codeHint} />
      <TextField form={form} name="name" label={d.name} required />
      {kind === 'forms' && <CheckboxField form={form} name="countsDocuments" label={d.countsDocuments} />}
    </Form>
  );
}

function RenameForm({ kind, entry, onDone, onCancel }: { kind: Kind; entry: Entry; onDone(message: string): void; onCancel(): void }) {
  const form = useForm({ name: entry.name });
  const d = t.dictionaries;
  return (
    <Form
      form={form}
      label={d.renameTitle(entry.name)}
      submitLabel={t.save}
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const body: UpdateEventFormBody = { name: values.name };
        await api.patch(`${PATHS[kind]}/${entry.id}`, body);
        onDone(d.saved);
        return undefined;
      }}
    >
      <TextField form={form} name="name" label={d.newName} required wide />
    </Form>
  );
}

function DictionarySection({ kind, entries, panel, reload }: { kind: Kind; entries: Entry[]; panel: DisclosureState; reload(): void }) {
  const d = t.dictionaries;
  const title = kind === 'forms' ? d.forms : d.directions;
  const done = (message: string) => {
    panel.done(message);
    reload();
  };
  const setActive = async (entry: Entry, isActive: boolean) => {
    const body: UpdateEventFormBody = { isActive };
    await api.patch(`${PATHS[kind]}/${entry.id}`, body);
    done(d.saved);
  };
  const columns: Column<Entry>[] = [
    { header: d.columns.code, cell: (entry) => <code>{entry.code}</code> },
    { header: d.columns.name, cell: (entry) => entry.name },
  ];
  if (kind === 'forms') columns.push({ header: d.columns.countsDocuments, cell: (entry) => (entry.countsDocuments ? t.yes : t.no) });
  columns.push(
    { header: d.columns.state, cell: (entry) => (entry.isActive ? <span className="badge badge-ok">{d.active}</span> : <span className="badge">{d.retired}</span>) },
    {
      header: <span className="visually-hidden">{d.columns.actions}</span>,
      className: 'row-actions',
      cell: (entry) => (
        <>
          <button type="button" className="small" onClick={() => panel.edit(entry.id)}>{d.rename}</button>{' '}
          {entry.isActive
            ? <ConfirmButton label={d.retire} question={d.retiredHint} confirmLabel={d.retire} onConfirm={() => setActive(entry, false)} />
            : <button type="button" className="small" onClick={() => void setActive(entry, true)}>{d.restore}</button>}
        </>
      ),
    },
  );
  return (
    <section aria-labelledby={`dictionary-${kind}`}>
      <div className="section-title"><h2 id={`dictionary-${kind}`}>{title}</h2></div>
      <Notice message={panel.notice} />
      <Table
        label={title}
        rows={entries}
        rowKey={(entry) => entry.id}
        empty={d.none}
        rowClassName={(entry) => (entry.isActive ? undefined : 'row-inactive')}
        columns={columns}
        after={(entry) => panel.open && panel.row === entry.id && <RenameForm kind={kind} entry={entry} onDone={done} onCancel={panel.close} />}
      />
      <AddEntryForm kind={kind} onDone={done} />
    </section>
  );
}

/** The administrator's page for the network's forms and directions of events. */
export function EventDictionariesPage() {
  const { data, error, reload } = useApi<EventDictionaries>('/event-dictionaries');
  const forms = useDisclosure();
  const directions = useDisclosure();
  const [defaults, setDefaults] = useState<string>();
  const [defaultsError, setDefaultsError] = useState<ApiError>();
  const d = t.dictionaries;
  const addDefaults = async () => {
    setDefaultsError(undefined);
    try {
      const { added } = await api.post<{ added: Record<Kind, number> }>('/event-dictionaries/defaults');
      setDefaults(d.defaultsAdded(added.forms, added.directions));
      reload();
    } catch (failure) {
      setDefaultsError(failure instanceof ApiError ? failure : new ApiError(0, t.unexpectedError, String(failure)));
    }
  };

  return (
    <>
      <EventsNav />
      <div className="page-title">
        <h1>{d.title}</h1>
        <button type="button" onClick={() => void addDefaults()}>{d.defaults}</button>
      </div>
      <p className="muted small">{d.retiredHint}</p>
      <Notice message={defaults} />
      {defaultsError && <ErrorBox error={defaultsError} />}
      {error && <ErrorBox error={error} />}
      {!data ? <Loading /> : (
        <>
          <DictionarySection kind="forms" entries={data.forms} panel={forms} reload={reload} />
          <DictionarySection kind="directions" entries={data.directions} panel={directions} reload={reload} />
        </>
      )}
    </>
  );
}
