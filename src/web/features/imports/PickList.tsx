import { useId } from 'react';
import type { Options } from '../../components/fields.js';
import { t } from '../../lib/messages.js';

interface PickListProps {
  label: string;
  addLabel: string;
  options: Options;
  selected: number[];
  onChange(selected: number[]): void;
  hint?: string;
}

/** Several branches or people: the chosen ones as removable chips, and a select to add one more. */
export function PickList({ label, addLabel, options, selected, onChange, hint }: PickListProps) {
  const id = useId();
  const names = new Map(options);
  return (
    <div className="field field-wide pick-list" role="group" aria-labelledby={`${id}-label`}>
      <span className="field-label" id={`${id}-label`}>{label}</span>
      <div className="chips">
        {selected.map((value) => (
          <span className="chip" key={value}>
            {names.get(String(value)) ?? value}
            <button type="button" aria-label={t.reportImport.remove(names.get(String(value)) ?? String(value))}
              onClick={() => onChange(selected.filter((v) => v !== value))}>×</button>
          </span>
        ))}
        <select aria-label={`${label}: ${addLabel}`} value="" onChange={(event) => event.target.value && onChange([...selected, Number(event.target.value)])}>
          <option value="">{addLabel}</option>
          {options.filter(([value]) => !selected.includes(Number(value))).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      </div>
      {hint && <small className="hint">{hint}</small>}
    </div>
  );
}
