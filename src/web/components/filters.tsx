/** The filter row above a list; each control writes straight to the URL query. */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { t } from '../lib/messages.js';
import type { Options } from './fields.js';

const FIRST_YEAR = 2015;

export function Filters({ label, children, onReset }: { label: string; children: ReactNode; onReset?: () => void }) {
  return (
    <div className="filters" role="group" aria-label={label}>
      {children}
      {onReset && <button type="button" className="link-button" onClick={onReset}>{t.resetFilters}</button>}
    </div>
  );
}

/** A text search applied on «Найти» or Enter, not on every key: each request costs on a slow link. */
export function SearchFilter({ label, value, placeholder, onApply }: { label: string; value: string; placeholder?: string; onApply(value: string): void }) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <form
      role="search"
      className="filter filter-search"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(text.trim());
      }}
    >
      <label htmlFor={id}>{label}</label>
      <span className="filter-search-row">
        <input id={id} type="search" value={text} placeholder={placeholder} onChange={(event) => setText(event.target.value)} />
        <button type="submit">{t.find}</button>
      </span>
    </form>
  );
}

export function SelectFilter({ label, value, options, onChange }: { label: string; value: string; options: Options; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map(([optionValue, text]) => <option key={optionValue} value={optionValue}>{text}</option>)}
      </select>
    </div>
  );
}

/** The years a year filter offers: from the current one back to the first the system was used for. */
export function yearOptions(): Options {
  const options: [string, string][] = [];
  for (let year = new Date().getFullYear(); year >= FIRST_YEAR; year--) options.push([String(year), String(year)]);
  return options;
}

export function DateFilter({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

export function NumberFilter({ label, value, onApply }: { label: string; value: string; onApply(value: string): void }) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <div className="filter filter-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={1}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => text !== value && onApply(text)}
        onKeyDown={(event) => event.key === 'Enter' && onApply(text)}
      />
    </div>
  );
}
