import { isControlField, type MarcRecord } from './record.js';

export const MARCXML_NAMESPACE = 'http://www.loc.gov/MARC21/slim';

/** The start of a MARCXML collection document (pair with MARCXML_COLLECTION_END). */
export const MARCXML_COLLECTION_START = `<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="${MARCXML_NAMESPACE}">\n`;
export const MARCXML_COLLECTION_END = '</collection>\n';

/**
 * One record as a MARCXML <record> element (no XML declaration), for streaming a collection.
 * Characters XML 1.0 cannot carry (control characters other than tab and line breaks) become U+FFFD; tab and line
 * breaks are written as character references, so that they read back unchanged.
 * Text before the first subfield delimiter (code '') is written as a subfield with an empty code.
 */
export function writeMarcXmlRecord(record: MarcRecord, namespace = false): string {
  let xml = namespace ? `<record xmlns="${MARCXML_NAMESPACE}">\n` : '<record>\n';
  xml += `  <leader>${escape(record.leader)}</leader>\n`;
  for (const field of record.fields) {
    if (isControlField(field)) {
      xml += `  <controlfield tag="${escape(field.tag)}">${escape(field.value)}</controlfield>\n`;
      continue;
    }
    xml += `  <datafield tag="${escape(field.tag)}" ind1="${escape(field.ind1)}" ind2="${escape(field.ind2)}">\n`;
    for (const [code, value] of field.subfields) xml += `    <subfield code="${escape(code)}">${escape(value)}</subfield>\n`;
    xml += '  </datafield>\n';
  }
  return xml + '</record>\n';
}

/** A complete MARCXML document: a <collection> of the records. */
export function writeMarcXml(records: Iterable<MarcRecord>): string {
  let xml = MARCXML_COLLECTION_START;
  for (const record of records) xml += writeMarcXmlRecord(record);
  return xml + MARCXML_COLLECTION_END;
}

// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escape(text: string): string {
  return text.replace(SPECIAL, (char) => {
    switch (char) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      // Written as references: a parser turns a literal CR (and CRLF) into LF, and a tab or line break in an
      // attribute into a space — the record would not read back as it was.
      case '\t':
      case '\n':
      case '\r':
        return `&#${char.charCodeAt(0)};`;
      default:
        return '\uFFFD';
    }
  });
}
