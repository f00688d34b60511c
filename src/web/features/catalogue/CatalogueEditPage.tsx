import { useState } from 'react';
import { useLocation } from 'wouter';
import { ErrorBox, Loading } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import type { BibRecordFormView, BibRecordView, UpdateBibRecordBody } from '../../lib/contract.js';
import { useFlash } from '../../lib/flash.js';
import { t } from '../../lib/messages.js';
import { canCompileNetworkRecords } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { BibRecordForm, formOfValues, valuesOfForm } from './BibRecordForm.js';
import { MarcTextEditor } from './MarcTextEditor.js';
import { useCataloguingOptions } from './use-catalogue.js';

/** Editing a record with the form (librarians' terms) or, for experts, as MARC text. */
export function CatalogueEditPage({ id }: { id: number }) {
  const [, navigate] = useLocation();
  const flash = useFlash();
  // Replacing the whole MARC record is the network's cataloguers' (the server refuses anyone else): a librarian edits with the form.
  const mayReplaceMarc = canCompileNetworkRecords(useMe());
  const { data: options, error: optionsError } = useCataloguingOptions();
  const [mode, setMode] = useState<'form' | 'marc'>('form');
  // Switching mode drops what the other editor holds: unsaved changes are not lost without asking.
  const [dirty, setDirty] = useState(false);
  const switchTo = (next: 'form' | 'marc') => {
    if (next === mode || (dirty && !window.confirm(t.bibForm.modeSwitchLoses))) return;
    setDirty(false);
    setMode(next);
  };
  const { data, error, loading, reload } = useApi<BibRecordFormView>(`/catalogue/records/${id}/form`);
  const full = useApi<BibRecordView>(mode === 'marc' ? `/catalogue/records/${id}` : null);
  if (error ?? optionsError) return <ErrorBox error={(error ?? optionsError)!} />;
  if (!data || !options || (loading && data.id !== id)) return <Loading />;
  const f = t.bibForm;
  const saved = () => {
    flash(f.saved, `/catalogue/${id}`);
    navigate(`/catalogue/${id}`);
  };
  return (
    <>
      <div className="page-title">
        <h1>{f.editTitle(data.form.title)}</h1>
        <span className="view-switch edit-mode" role="group" aria-label={f.modeLabel}>
          <button type="button" aria-pressed={mode === 'form'} onClick={() => switchTo('form')}>{f.modeForm}</button>
          <button type="button" aria-pressed={mode === 'marc'} onClick={() => switchTo('marc')}>{f.modeMarc}</button>
        </span>
      </div>
      {mode === 'marc' && full.error && <ErrorBox error={full.error} />}
      {mode === 'marc' && !full.data && !full.error && <Loading />}
      {mode === 'marc' && full.data && (
        <MarcTextEditor
          key={full.data.updatedAt}
          record={full.data}
          mayReplace={mayReplaceMarc}
          onSaved={saved}
          onCancel={() => navigate(`/catalogue/${id}`)}
          onReload={full.reload}
          onDirty={setDirty}
        />
      )}
      {mode === 'form' && (
        <BibRecordForm
          // A fresh form after «Открыть заново»: the version it edits is the one just loaded.
          key={data.updatedAt}
          initial={valuesOfForm(data.form, data.schema)}
          options={options}
          recordId={id}
          label={f.editTitle(data.form.title)}
          submitLabel={f.save}
          confirmDuplicates={false}
          onDirty={setDirty}
          actions={<button type="button" onClick={() => navigate(`/catalogue/${id}`)}>{t.cancel}</button>}
          extraError={(failure) => failure.status === 409 && (
            <p>{f.stale} <button type="button" onClick={reload}>{f.reload}</button></p>
          )}
          send={async (values) => {
            const body: UpdateBibRecordBody = { updatedAt: data.updatedAt, form: formOfValues(values) };
            await api.patch<BibRecordView>(`/catalogue/records/${id}`, body);
            saved();
          }}
        />
      )}
    </>
  );
}
