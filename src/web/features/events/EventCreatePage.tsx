import { Link, useLocation, useSearchParams } from 'wouter';
import { Loading } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import type { EventView } from '../../lib/contract.js';
import { useFlash } from '../../lib/flash.js';
import { t } from '../../lib/messages.js';
import { canRecordForBranches } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { EventForm, eventValues } from './EventForm.js';
import { EventsNav } from './EventsNav.js';

export function EventCreatePage() {
  const me = useMe();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const flash = useFlash();
  const branches = useAllBranches();
  const f = t.eventEditor;

  if (!branches) return <Loading />;
  const options = branchOptions(branches, (branch) => canRecordForBranches(me, [branch.id]));
  // A librarian of one branch, or a link from a branch, needs no choice.
  const preset = params.get('branch') ?? (options.length === 1 ? options[0]![0] : '');
  const branchIds = options.some(([value]) => value === preset) ? [preset] : [];

  return (
    <>
      <EventsNav />
      <p className="breadcrumbs"><Link href="/events">{t.eventCard.back}</Link></p>
      <h1>{f.createTitle}</h1>
      <EventForm
        initial={eventValues(undefined, branchIds)}
        branchOptions={options}
        label={f.createTitle}
        submitLabel={f.submitCreate}
        send={async (body) => {
          const event = await api.post<EventView>('/events', body);
          flash(f.created(event.title), `/events/${event.id}`);
          navigate(`/events/${event.id}`);
          return undefined;
        }}
      />
    </>
  );
}
