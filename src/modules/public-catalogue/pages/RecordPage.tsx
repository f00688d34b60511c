import type { ReactNode } from 'react';
import { RELATOR_LABELS, type BibRecordView } from '../../catalogue/index.js';
import { FIELD_LABELS, M } from '../messages.js';
import { boxSearchUrl } from '../search-params.js';
import { AgeBadge, Layout, type PageContext } from './Layout.js';

export interface RecordLabels {
  documentType: (code: string) => string;
  language: (code: string) => string;
}

/** One record: its ГОСТ description, its fields in plain Russian, links onward, and downloads. */
/** `backToSearch`: the search the reader came from (its URL), else the whole catalogue. */
export function RecordPage({ context, record, labels, backToSearch }: {
  context: PageContext; record: BibRecordView; labels: RecordLabels; backToSearch: string;
}) {
  const authors = record.persons.filter((person) => person.primary || person.roles.includes('aut'));
  const others = record.persons.filter((person) => !authors.includes(person));
  const rows: [string, ReactNode][] = [
    [FIELD_LABELS.title, record.title],
    [FIELD_LABELS.subtitle, record.subtitle],
    [FIELD_LABELS.parallelTitles, record.parallelTitles.join('; ')],
    [FIELD_LABELS.authors, authors.length > 0 && (
      <ul className="plain">
        {authors.map((person) => (
          <li key={person.name}>
            {person.name}{person.dates && ` (${person.dates})`}
            {' — '}<a href={boxSearchUrl({ kind: 'term', field: 'author', text: person.name, phrase: true })}>{M.otherEditions}</a>
          </li>
        ))}
      </ul>
    )],
    [FIELD_LABELS.otherPersons, others.map((person) => {
      // Roles without a Russian word are left out rather than shown as MARC codes.
      const roles = person.roles.flatMap((role) => RELATOR_LABELS[role] ?? []).join(', ');
      return roles ? `${person.name} (${roles})` : person.name;
    }).join('; ')],
    [FIELD_LABELS.responsibility, record.responsibility],
    [FIELD_LABELS.edition, record.edition],
    [FIELD_LABELS.place, record.place],
    [FIELD_LABELS.publisher, record.publisher],
    [FIELD_LABELS.year, record.year === null ? '' : String(record.year)],
    [FIELD_LABELS.extent, record.extent],
    [FIELD_LABELS.series, record.series.join('; ')],
    [FIELD_LABELS.contents, record.contents.length > 0 && (
      <ul className="plain">{record.contents.map((work) => <li key={work}>{work}</li>)}</ul>
    )],
    [FIELD_LABELS.isbns, record.isbns.join(', ')],
    [FIELD_LABELS.invalidIsbns, record.invalidIsbns.join(', ')],
    [FIELD_LABELS.issns, record.issns.join(', ')],
    [FIELD_LABELS.languages, record.languages.map(labels.language).join(', ')],
    [FIELD_LABELS.documentType, labels.documentType(record.documentType)],
    [FIELD_LABELS.bbk, record.bbk.join(', ')],
    [FIELD_LABELS.authorMark, record.authorMark],
    [FIELD_LABELS.udc, record.udc.join(', ')],
    [FIELD_LABELS.subjects, record.subjects.length > 0 && (
      <ul className="plain">
        {record.subjects.map((subject) => (
          <li key={subject}><a href={boxSearchUrl({ kind: 'term', field: 'subject', text: subject.split(' -- ')[0]!, phrase: true })}>{subject.replaceAll(' -- ', ' — ')}</a></li>
        ))}
      </ul>
    )],
    [FIELD_LABELS.keywords, record.keywords.join(', ')],
    [FIELD_LABELS.ageRating, record.ageRating ?? ''],
  ];
  return (
    <Layout context={context} title={record.title}>
      <p><a href={backToSearch}>{M.back}</a></p>
      <h1>{record.title}{record.subtitle && ` : ${record.subtitle}`} <AgeBadge age={record.ageRating} /></h1>
      <h2>{M.description} <span className="muted">({M.descriptionNote})</span></h2>
      <p className="gost">{record.description}</p>
      {record.annotation && <p>{record.annotation}</p>}
      <RecordHoldings recordId={record.id} />
      <table className="fields">
        <caption>{M.fieldsCaption}</caption>
        <tbody>
          {rows.filter(([, value]) => Boolean(value)).map(([label, value]) => (
            <tr key={label}><th scope="row">{label}</th><td>{value}</td></tr>
          ))}
        </tbody>
      </table>
      <h2>{M.download}</h2>
      <ul>
        <li><a href={`/records/${record.id}/marcxml`} download>{M.downloadMarcxml}</a></li>
        <li><a href={`/records/${record.id}/iso2709`} download>{M.downloadIso}</a></li>
      </ul>
    </Layout>
  );
}

/**
 * PLACE FOR HOLDINGS: which branches hold a copy of this record and whether one is available.
 * Holdings (items) come in a later issue; until then the public sees nothing here.
 */
function RecordHoldings(_props: { recordId: number }) {
  return null;
}
