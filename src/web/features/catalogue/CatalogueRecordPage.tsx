import { Link, useLocation } from 'wouter';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { Details, type DetailRow } from '../../components/Details.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import type { BibRecordView } from '../../lib/contract.js';
import { useFlash } from '../../lib/flash.js';
import { t } from '../../lib/messages.js';
import { canCatalogue, canCompileNetworkRecords } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { MarcView } from './MarcView.js';
import { labelOf, useCataloguingOptions } from './use-catalogue.js';
import './catalogue.css';

/** The record's fields in librarians' terms. */
function RecordDetails({ record }: { record: BibRecordView }) {
  const r = t.bibRecord.rows;
  const options = useCataloguingOptions().data;
  const persons = record.persons.map((person) => {
    const roles = person.roles.map((role) => labelOf(options?.roles, role)).join(', ');
    return roles ? `${person.name} (${roles})` : person.name;
  });
  const rows: DetailRow[] = [
    [r.title, record.title],
    [r.subtitle, record.subtitle],
    [r.parallelTitles, record.parallelTitles.join(' = ')],
    [r.responsibility, record.responsibility],
    [r.persons, persons.length ? <ul className="plain-list">{persons.map((person) => <li key={person}>{person}</li>)}</ul> : ''],
    [r.edition, record.edition],
    [r.publication, [[record.place, record.publisher].filter(Boolean).join(' : '), record.year ?? ''].filter(Boolean).join(', ')],
    [r.extent, record.extent],
    [r.series, record.series.join('; ')],
    [r.contents, record.contents.length ? <ul className="plain-list">{record.contents.map((work) => <li key={work}>{work}</li>)}</ul> : ''],
    [r.isbns, record.isbns.join(', ')],
    [r.languages, record.languages.map((code) => labelOf(options?.languages, code)).join(', ')],
    [r.documentType, labelOf(options?.documentTypes, record.documentType)],
    [r.bbk, record.bbk.join('; ')],
    [r.authorMark, record.authorMark],
    [r.udc, record.udc.join('; ')],
    [r.subjects, record.subjects.join('; ')],
    [r.keywords, record.keywords.join(', ')],
    [r.annotation, record.annotation],
    [r.ageRating, record.ageRating ?? ''],
    [r.controlNumber, [record.controlNumberSource, record.controlNumber].filter(Boolean).join(' ')],
    [r.schema, t.bibRecord.schemaLabels[record.schema]],
  ];
  const afterIsbns = rows.findIndex(([label]) => label === r.isbns) + 1;
  if (record.invalidIsbns.length) rows.splice(afterIsbns, 0, [r.invalidIsbns, record.invalidIsbns.join(', ')]);
  if (record.issns.length) rows.splice(afterIsbns, 0, [r.issns, record.issns.join(', ')]);
  return <Details rows={rows} />;
}

export function CatalogueRecordPage({ id }: { id: number }) {
  const me = useMe();
  const [, navigate] = useLocation();
  const flash = useFlash();
  const { data: record, error, loading } = useApi<BibRecordView>(`/catalogue/records/${id}`);
  const b = t.bibRecord;
  if (error) return <ErrorBox error={error} />;
  if (!record || (loading && record.id !== id)) return <Loading />;
  return (
    <>
      <p><Link href="/catalogue">{t.catalogue.title}</Link></p>
      <div className="page-title">
        <h1>{record.title || t.catalogue.noTitle}</h1>
      </div>
      <div className="record-actions">
        {canCatalogue(me) && <ButtonLink href={`/catalogue/${id}/edit`} primary>{b.edit}</ButtonLink>}
        {canCompileNetworkRecords(me) && (
          <ConfirmButton
            label={b.delete}
            question={b.deleteQuestion}
            confirmLabel={b.deleteConfirm}
            danger
            onConfirm={async () => {
              await api.delete(`/catalogue/records/${id}`);
              flash(b.deleted(record.title), '/catalogue');
              navigate('/catalogue');
            }}
          />
        )}
        <a href={`/records/${id}`} target="_blank" rel="noreferrer">{t.catalogue.publicLink}</a>
      </div>
      <section aria-labelledby="bib-description">
        <h2 id="bib-description">{b.description}</h2>
        <p className="bib-description">{record.description}</p>
      </section>
      <section aria-labelledby="bib-fields">
        <h2 id="bib-fields">{b.fields}</h2>
        <RecordDetails record={record} />
      </section>
      <section aria-labelledby="bib-marc">
        <h2 id="bib-marc">{b.marc} ({b.schemaLabels[record.schema]})</h2>
        <p className="muted">{b.marcHint}</p>
        <MarcView record={record.record} label={b.marc} />
      </section>
    </>
  );
}
