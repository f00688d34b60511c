import { useId, useState } from 'react';
import { Form } from '../../components/Form.js';
import { api } from '../../lib/api.js';
import type { DuplicateEventBody, EventView } from '../../lib/contract.js';
import { formatDate } from '../../lib/format.js';
import { useForm } from '../../lib/form.js';
import { t } from '../../lib/messages.js';

/** Copies an event to the dates chosen one by one (a club meeting every month). */
export function DuplicateForm({ event, onDone, onCancel }: { event: EventView; onDone(message: string): void; onCancel(): void }) {
  const form = useForm({ dates: [] as string[] });
  const [date, setDate] = useState('');
  const id = useId();
  const c = t.eventCard;
  const add = () => {
    if (date && !form.values.dates.includes(date)) form.set('dates', [...form.values.dates, date].sort());
    setDate('');
  };
  const errors = form.errorsOf('dates');
  return (
    <Form
      form={form}
      label={c.duplicateTitle}
      submitLabel={c.submitDuplicate}
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const body: DuplicateEventBody = { dates: values.dates };
        const copies = await api.post<EventView[]>(`/events/${event.id}/duplicate`, body);
        onDone(c.duplicated(copies.length));
        return undefined;
      }}
    >
      <p className="hint">{c.duplicateHint}</p>
      <div className={`field${errors.length ? ' field-invalid' : ''}`}>
        <span className="field-label"><label htmlFor={id}>{c.date1}</label></span>
        <span className="filter-search-row">
          <input
            id={id}
            type="date"
            value={date}
            aria-invalid={errors.length ? true : undefined}
            onChange={(change) => setDate(change.target.value)}
            onKeyDown={(key) => {
              if (key.key === 'Enter') {
                key.preventDefault();
                add();
              }
            }}
          />
          <button type="button" onClick={add}>{c.addDate}</button>
        </span>
        {errors.length > 0 && <span className="field-error" role="alert">{errors.join('; ')}</span>}
      </div>
      {form.values.dates.length === 0 ? <p className="muted small">{c.noDates}</p> : (
        <ul className="date-list" aria-label={c.chosenDates}>
          {form.values.dates.map((chosen) => (
            <li key={chosen}>
              <button
                type="button"
                className="small"
                aria-label={c.removeDate(formatDate(chosen))}
                onClick={() => form.set('dates', form.values.dates.filter((other) => other !== chosen))}
              >
                {formatDate(chosen)} ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </Form>
  );
}
