import { useLocation } from 'wouter';
import { ErrorBox, Loading } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import type { BibRecordView, CreateBibRecordBody } from '../../lib/contract.js';
import { useFlash } from '../../lib/flash.js';
import { t } from '../../lib/messages.js';
import { BibRecordForm, emptyValues, formOfValues } from './BibRecordForm.js';
import { useCataloguingOptions } from './use-catalogue.js';

export function CatalogueCreatePage() {
  const [, navigate] = useLocation();
  const flash = useFlash();
  const { data: options, error } = useCataloguingOptions();
  if (error) return <ErrorBox error={error} />;
  if (!options) return <Loading />;
  return (
    <>
      <div className="page-title"><h1>{t.bibForm.createTitle}</h1></div>
      <BibRecordForm
        initial={emptyValues()}
        options={options}
        label={t.bibForm.createTitle}
        submitLabel={t.bibForm.create}
        confirmDuplicates
        actions={<button type="button" onClick={() => navigate('/catalogue')}>{t.cancel}</button>}
        send={async (values, confirmDuplicate) => {
          const body: CreateBibRecordBody = { schema: values.schema, form: formOfValues(values), confirmDuplicate };
          const created = await api.post<BibRecordView>('/catalogue/records', body);
          flash(t.bibForm.created, `/catalogue/${created.id}`);
          navigate(`/catalogue/${created.id}`);
        }}
      />
    </>
  );
}
