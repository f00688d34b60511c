import { Link } from 'wouter';
import { Table } from '../../components/Table.js';
import type { EventView } from '../../lib/contract.js';
import { formatDate, formatDateRange } from '../../lib/format.js';
import { audienceLabels, t } from '../../lib/messages.js';

/** '15.03.2023, 14:30', or the span of a several-day event. */
export function formatEventWhen(event: Pick<EventView, 'startsOn' | 'endsOn' | 'startsAt'>): string {
  if (event.endsOn && event.endsOn !== event.startsOn) return formatDateRange(event.startsOn, event.endsOn);
  return event.startsAt ? `${formatDate(event.startsOn)}, ${event.startsAt}` : formatDate(event.startsOn);
}

export function EventBadges({ event }: { event: EventView }) {
  return (
    <>
      {event.admission === 'pushkin_card' && <span className="badge badge-info">{t.events.pushkinCard}</span>}
      {event.campaign && <span className="badge">{event.campaign.name}</span>}
    </>
  );
}

/** A page of events: when, what, where from, for whom, how many came. */
export function EventTable({ events, busy, empty = t.events.none }: { events: EventView[]; busy?: boolean; empty?: string }) {
  const c = t.events.columns;
  return (
    <Table
      label={t.events.title}
      rows={events}
      rowKey={(event) => event.id}
      empty={empty}
      busy={busy}
      rowClassName={(event) => (event.isHeld ? undefined : 'row-inactive')}
      columns={[
        { header: c.date, cell: (event) => formatEventWhen(event), className: 'nowrap' },
        { header: c.title, cell: (event) => <><Link href={`/events/${event.id}`}>{event.title}</Link> <EventBadges event={event} /></> },
        { header: c.form, cell: (event) => event.form.name },
        { header: c.branches, cell: (event) => event.branches.map((branch) => branch.name).join(', ') },
        { header: c.audience, cell: (event) => audienceLabels[event.audience] },
        { header: c.attendance, cell: (event) => event.attendance?.total ?? t.events.notHeld, className: 'num nowrap' },
      ]}
    />
  );
}
