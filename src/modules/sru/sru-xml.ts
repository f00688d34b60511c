import { CQL_INDEXES } from './cql.js';
import { diagnosticUri, type SruDiagnostic } from './diagnostics.js';

/** The SRW namespace of SRU 1.1/1.2 responses, and that of diagnostics inside them. */
export const SRW_NAMESPACE = 'http://www.loc.gov/zing/srw/';
export const DIAGNOSTIC_NAMESPACE = 'http://www.loc.gov/zing/srw/diagnostic/';
export const ZEEREX_NAMESPACE = 'http://explain.z3950.org/dtd/2.0/';
export const MARCXML_SCHEMA_URI = 'info:srw/schema/1/marcxml-v1.1';
export const DEFAULT_MAXIMUM_RECORDS = 10;
export const MAXIMUM_RECORDS_LIMIT = 100;

/** Context sets whose prefixes the index names use (CQL_INDEXES). */
const CONTEXT_SETS = [
  { name: 'cql', identifier: 'info:srw/cql-context-set/1/cql-v1.2' },
  { name: 'dc', identifier: 'info:srw/cql-context-set/1/dc-v1.1' },
  { name: 'bath', identifier: 'http://zing.z3950.org/cql/bath/2.0/' },
];

// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text or attribute value for XML 1.0 (characters XML cannot carry become U+FFFD). */
export function escapeXml(text: string): string {
  return text.replace(SPECIAL, (char) => ENTITIES[char] ?? '\uFFFD');
}

const element = (name: string, text: string | number) => `<srw:${name}>${escapeXml(String(text))}</srw:${name}>`;

function diagnosticsXml(diagnostics: SruDiagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const items = diagnostics.map((d) =>
    '<diag:diagnostic>'
    + `<diag:uri>${diagnosticUri(d.code)}</diag:uri>`
    + (d.details === undefined ? '' : `<diag:details>${escapeXml(d.details)}</diag:details>`)
    + `<diag:message>${escapeXml(d.message)}</diag:message>`
    + '</diag:diagnostic>');
  return `<srw:diagnostics>${items.join('')}</srw:diagnostics>\n`;
}

const DOCUMENT_START = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NAMESPACES = `xmlns:srw="${SRW_NAMESPACE}" xmlns:diag="${DIAGNOSTIC_NAMESPACE}"`;

/** Request parameters to echo back, in the order the SRW 1.2 schema gives them. */
const ECHO_ORDER = ['version', 'query', 'startRecord', 'maximumRecords', 'recordPacking', 'recordSchema', 'recordXPath', 'resultSetTTL', 'sortKeys', 'stylesheet'];

/** The numbers the schema types (positiveInteger, nonNegativeInteger): a value that is none is not echoed. */
const ECHO_NUMBER: Record<string, RegExp> = { startRecord: /^[1-9]\d*$/, maximumRecords: /^\d+$/, resultSetTTL: /^\d+$/ };

function echoedRequest(name: string, parameters: ReadonlyMap<string, string>, baseUrl: string): string {
  const echoed = ECHO_ORDER.filter((key) => parameters.has(key) && (ECHO_NUMBER[key]?.test(parameters.get(key)!) ?? true))
    .map((key) => element(key, parameters.get(key)!)).join('');
  return `<srw:${name}>${echoed}${element('baseUrl', baseUrl)}</srw:${name}>\n`;
}

export interface ExplainContext {
  host: string;
  port: number;
  database: string;
  title: string;
  description: string;
}

/** The ZeeRex 2.0 explain record: the server, the database, the indexes, the schema, the limits. */
export function explainRecord(context: ExplainContext): string {
  const indexes = CQL_INDEXES.map((index) => {
    const maps = index.names.map((name) => {
      const dot = name.indexOf('.');
      const set = dot < 0 ? '' : ` set="${escapeXml(name.slice(0, dot))}"`;
      // The cql set's names as the standard spells them (serverChoice, allRecords); lookup ignores case.
      const local = name.slice(dot + 1).replace('serverchoice', 'serverChoice').replace('allrecords', 'allRecords');
      return `<map><name${set}>${escapeXml(local)}</name></map>`;
    }).join('');
    const sortable = index.field === 'title' || index.field === 'year';
    return `<index search="true" scan="false" sort="${sortable}"><title lang="ru">${escapeXml(index.title)}</title>${maps}</index>`;
  });
  const relations = ['=', '==', 'exact', 'all', 'any', 'adj', '<', '>', '<=', '>=', 'within'];
  return `<explain xmlns="${ZEEREX_NAMESPACE}" authoritative="true">
    <serverInfo protocol="SRU" version="1.2" transport="http">
      <host>${escapeXml(context.host)}</host>
      <port>${context.port}</port>
      <database>${escapeXml(context.database)}</database>
    </serverInfo>
    <databaseInfo>
      <title lang="ru" primary="true">${escapeXml(context.title)}</title>
      <description lang="ru" primary="true">${escapeXml(context.description)}</description>
    </databaseInfo>
    <indexInfo>
      ${CONTEXT_SETS.map((set) => `<set name="${set.name}" identifier="${set.identifier}"/>`).join('\n      ')}
      ${indexes.join('\n      ')}
    </indexInfo>
    <schemaInfo>
      <schema identifier="${MARCXML_SCHEMA_URI}" name="marcxml" retrieve="true" sort="false"><title lang="ru">MARCXML (записи MARC21 и RUSMARC, каждая в своей схеме)</title></schema>
    </schemaInfo>
    <configInfo>
      <default type="index">cql.serverChoice</default>
      <default type="relation">=</default>
      <default type="retrieveSchema">marcxml</default>
      <default type="numberOfRecords">${DEFAULT_MAXIMUM_RECORDS}</default>
      <setting type="maximumRecords">${MAXIMUM_RECORDS_LIMIT}</setting>
      ${relations.map((relation) => `<supports type="relation">${escapeXml(relation)}</supports>`).join('\n      ')}
      <supports type="sort"/>
    </configInfo>
  </explain>`;
}

/** explainResponse: the explain record, and diagnostics (an unknown operation is answered with explain + 4). */
export function explainResponseXml(options: {
  version: string; context: ExplainContext; parameters: ReadonlyMap<string, string>; baseUrl: string; diagnostics: SruDiagnostic[];
}): string {
  return `${DOCUMENT_START}<srw:explainResponse ${NAMESPACES}>
${element('version', options.version)}
<srw:record>${element('recordSchema', 'http://explain.z3950.org/dtd/2.0/')}${element('recordPacking', 'xml')}<srw:recordData>
  ${explainRecord(options.context)}
</srw:recordData>${element('recordPosition', 1)}</srw:record>
${echoedRequest('echoedExplainRequest', options.parameters, options.baseUrl)}${diagnosticsXml(options.diagnostics)}</srw:explainResponse>
`;
}

export interface SruRecord {
  /** The MARCXML <record> element, namespaced. */
  xml: string;
  position: number;
}

/** searchRetrieveResponse (SRW 1.2 element order). */
export function searchRetrieveResponseXml(options: {
  version: string; numberOfRecords: number; records: SruRecord[]; packing: 'xml' | 'string';
  nextRecordPosition?: number; parameters: ReadonlyMap<string, string>; baseUrl: string; diagnostics: SruDiagnostic[];
}): string {
  const records = options.records.map((record) =>
    `<srw:record>${element('recordSchema', MARCXML_SCHEMA_URI)}${element('recordPacking', options.packing)}`
    + `<srw:recordData>${options.packing === 'xml' ? record.xml : escapeXml(record.xml)}</srw:recordData>`
    + `${element('recordPosition', record.position)}</srw:record>\n`).join('');
  return `${DOCUMENT_START}<srw:searchRetrieveResponse ${NAMESPACES}>
${element('version', options.version)}
${element('numberOfRecords', options.numberOfRecords)}
${records.length === 0 ? '' : `<srw:records>\n${records}</srw:records>\n`}`
    + (options.nextRecordPosition === undefined ? '' : `${element('nextRecordPosition', options.nextRecordPosition)}\n`)
    + echoedRequest('echoedSearchRetrieveRequest', options.parameters, options.baseUrl)
    + diagnosticsXml(options.diagnostics)
    + '</srw:searchRetrieveResponse>\n';
}
