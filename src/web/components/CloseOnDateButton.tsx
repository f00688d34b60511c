import { useId, useState } from 'react';
import { today } from '../lib/format.js';
import { t } from '../lib/messages.js';
import { ConfirmButton } from './ConfirmButton.js';

interface CloseOnDateButtonProps {
  question: string;
  /** What the date means: «Дата закрытия», «Последний день». */
  dateLabel: string;
  onConfirm(date: string): Promise<void>;
}

/** «Закрыть» for something that exists over a span of dates: asks for the date (today by default) and a confirmation. */
export function CloseOnDateButton({ question, dateLabel, onConfirm }: CloseOnDateButtonProps) {
  const id = useId();
  const [date, setDate] = useState(today);
  return (
    <ConfirmButton label={t.close} question={question} confirmLabel={t.confirm.close} onConfirm={() => onConfirm(date)}>
      <span className="confirm-date">
        <label htmlFor={id}>{dateLabel}</label>
        <input id={id} type="date" required value={date} onChange={(event) => setDate(event.target.value)} />
      </span>
    </ConfirmButton>
  );
}
