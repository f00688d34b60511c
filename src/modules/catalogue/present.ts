import type { Selectable } from 'kysely';
import type { BibRecordsTable } from '../../db/schema.js';
import type { BibRecordView } from './catalogue.schemas.js';
import { describeBibRecord, hyphenatedIsbn } from './description/bibliographic-description.js';
import type { MarcRecord } from './marc/record.js';
import type { ProjectedPerson } from './projection/project.js';

export const presentBibRecord = (row: Selectable<BibRecordsTable>): BibRecordView => {
  const view = presentBibRecordFields(row);
  return { ...view, description: describeBibRecord(view) };
};

const presentBibRecordFields = (row: Selectable<BibRecordsTable>): Omit<BibRecordView, 'description'> => ({
  id: row.id,
  schema: row.schema,
  controlNumber: row.control_number,
  controlNumberSource: row.control_number_source,
  title: row.title,
  subtitle: row.subtitle,
  parallelTitles: row.parallel_titles,
  responsibility: row.responsibility,
  persons: row.persons as ProjectedPerson[],
  edition: row.edition,
  place: row.place,
  publisher: row.publisher,
  year: row.year,
  extent: row.extent,
  series: row.series,
  contents: row.contents,
  // As the book prints them (the column keeps the digits, for matching).
  isbns: row.isbns.map(hyphenatedIsbn),
  invalidIsbns: row.invalid_isbns,
  issns: row.issns,
  languages: row.languages,
  documentType: row.document_type,
  bbk: row.bbk,
  authorMark: row.author_mark,
  udc: row.udc,
  subjects: row.subjects,
  keywords: row.keywords,
  annotation: row.annotation,
  ageRating: row.age_rating,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  record: row.record as MarcRecord,
});
