import { Link } from 'wouter';
import type { EventView } from '../../lib/contract.js';
import { formatDate } from '../../lib/format.js';
import { t } from '../../lib/messages.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The weeks of a month, Monday first, as 'YYYY-MM-DD' (null outside the month). */
function weeksOf(year: number, month: number): (string | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offset = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(offset).fill(null)];
  for (let day = 1; day <= days; day++) cells.push(`${year}-${pad(month)}-${pad(day)}`);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/**
 * A month of events on a grid. An event is shown on the day it starts (a span says until
 * when), so that a month of exhibitions does not fill every cell; a busy day scrolls.
 */
export function EventCalendar({ year, month, events }: { year: number; month: number; events: EventView[] }) {
  const byDay = new Map<string, EventView[]>();
  for (const event of events) byDay.set(event.startsOn, [...(byDay.get(event.startsOn) ?? []), event]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <table className="calendar" aria-label={t.events.monthTitle(month, year)}>
      <thead>
        <tr>{t.events.weekdays.map((day) => <th key={day} scope="col">{day}</th>)}</tr>
      </thead>
      <tbody>
        {weeksOf(year, month).map((week, index) => (
          <tr key={index}>
            {week.map((day, column) => {
              const dayEvents = day ? byDay.get(day) ?? [] : [];
              return (
                <td key={column} className={day === today ? 'calendar-today' : day ? undefined : 'calendar-outside'}>
                  {day && <span className="calendar-day">{Number(day.slice(8))}</span>}
                  <ul>
                    {dayEvents.map((event) => (
                      <li key={event.id} className={event.isHeld ? undefined : 'calendar-scheduled'}>
                        <Link href={`/events/${event.id}`} title={`${event.title} — ${event.branches.map((b) => b.name).join(', ')}`}>
                          {event.startsAt && <span className="calendar-time">{event.startsAt}</span>} {event.title}
                        </Link>
                        {event.endsOn && event.endsOn !== event.startsOn && <span className="muted small"> {t.events.until(formatDate(event.endsOn))}</span>}
                      </li>
                    ))}
                  </ul>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
