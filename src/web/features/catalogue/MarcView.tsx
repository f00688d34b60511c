import type { MarcRecordView } from '../../lib/contract.js';

/**
 * A MARC record as experts read it: the leader, then one line per field — tag, the two indicators
 * (a blank shown as «#»), and each subfield as $code value. Monospace, wrapped, selectable for copying.
 */
export function MarcView({ record, label }: { record: MarcRecordView; label: string }) {
  const indicator = (value: string) => (value === ' ' || value === '' ? '#' : value);
  return (
    <div className="marc-view" role="table" aria-label={label}>
      <div className="marc-line" role="row">
        <span className="marc-tag" role="cell">LDR</span>
        <span className="marc-ind" role="cell" />
        <span className="marc-data" role="cell">{record.leader.replace(/ /g, '#')}</span>
      </div>
      {record.fields.map((field, index) => (
        <div className="marc-line" role="row" key={index}>
          <span className="marc-tag" role="cell">{field.tag}</span>
          {'value' in field ? (
            <>
              <span className="marc-ind" role="cell" />
              <span className="marc-data" role="cell">{field.value}</span>
            </>
          ) : (
            <>
              <span className="marc-ind" role="cell">{indicator(field.ind1)}{indicator(field.ind2)}</span>
              <span className="marc-data" role="cell">
                {field.subfields.map(([code, value], i) => (
                  <span className="marc-subfield" key={i}>
                    {code !== '' && <b className="marc-code">${code}</b>}
                    {value}
                  </span>
                ))}
              </span>
            </>
          )}
        </div>
      ))}
    </div>
  );
}
