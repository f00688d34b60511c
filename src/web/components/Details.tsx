import type { ReactNode } from 'react';
import { t } from '../lib/messages.js';

/** One line of a card: its label and value (empty values read «—»). */
export type DetailRow = readonly [label: string, value: ReactNode];

/** The label/value list of a card (a branch, a person, an event…). */
export function Details({ rows }: { rows: readonly DetailRow[] }) {
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === '' || value === null || value === undefined ? t.empty : value}</dd>
        </div>
      ))}
    </dl>
  );
}
