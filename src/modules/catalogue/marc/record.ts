/** A subfield: its code (one character; '' for text standing before the first delimiter) and value. */
export type Subfield = [code: string, value: string];

/** A control field (tags 001–009): a tag and an unstructured value. */
export interface ControlField {
  tag: string;
  value: string;
}

/** A data field: tag, two indicators and its subfields in their original order. */
export interface DataField {
  tag: string;
  ind1: string;
  ind2: string;
  subfields: Subfield[];
}

export type MarcField = ControlField | DataField;

/**
 * A MARC record held losslessly: the 24-character leader and every field in directory order
 * (control and data fields interleaved as they came).
 */
export interface MarcRecord {
  leader: string;
  fields: MarcField[];
}

export function isControlField(field: MarcField): field is ControlField {
  return 'value' in field;
}

/** A problem the reader found in a record it still returned (the record is usable as read). */
export interface MarcWarning {
  code: MarcWarningCode;
  /** In Russian, for the person importing. */
  message: string;
  tag?: string;
}

export type MarcWarningCode =
  | 'leader-not-ascii'
  | 'leader-length-mismatch'
  | 'base-address-mismatch'
  | 'field-terminator-missing'
  | 'text-before-first-subfield'
  | 'missing-indicators'
  | 'indicator-not-ascii'
  | 'invalid-utf8'
  | 'nul-character'
  | 'marc8-unknown-character'
  | 'marc8-bad-escape'
  | 'xml-missing-leader'
  | 'xml-bad-tag'
  | 'xml-missing-subfield-code'
  | 'xml-bad-indicator';

/** Why a record could not be read at all. Stable codes, for programs; `reason` is for people. */
export type MarcErrorCode =
  | 'leader-length-invalid'
  | 'record-too-short'
  | 'record-too-long'
  | 'record-truncated'
  | 'directory-invalid'
  | 'directory-entry-invalid'
  | 'field-out-of-bounds'
  | 'xml-malformed'
  | 'xml-encoding-unsupported'
  | 'xml-bad-structure';

/** A record the reader skipped: which one, where it starts, and why. */
export interface MarcReadError {
  kind: 'error';
  /** 1-based number of the record in the input. */
  index: number;
  /** Offset of the record's first byte (ISO 2709) or of the position the error was found (MARCXML, in characters). */
  byteOffset: number;
  code: MarcErrorCode;
  /** In Russian. */
  reason: string;
}

export type MarcEncoding = 'utf-8' | 'cp1251' | 'marc-8';

/** A record read, with where it was and what was noticed about it. */
export interface MarcReadRecord {
  kind: 'record';
  index: number;
  byteOffset: number;
  record: MarcRecord;
  /**
   * The encoding the text was decoded from: detected or chosen per record (ISO 2709), or the one the XML declaration
   * names (MARCXML); undefined for MARCXML in an encoding none of these names (KOI8-R…), decoded all the same.
   */
  encoding: MarcEncoding | undefined;
  warnings: MarcWarning[];
}

export type MarcReadResult = MarcReadRecord | MarcReadError;
