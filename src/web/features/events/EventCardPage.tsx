import { Details, type DetailRow } from '../../components/Details.js';
import { Fragment } from 'react';
import { Link, useLocation } from 'wouter';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { Form } from '../../components/Form.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import type { EventView, UpdateEventBody } from '../../lib/contract.js';
import { useFlash } from '../../lib/flash.js';
import { useForm } from '../../lib/form.js';
import { admissionLabels, audienceLabels, placeKindLabels, t } from '../../lib/messages.js';
import { canRecordForBranches, isAdmin } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { DuplicateForm } from './DuplicateForm.js';
import { AttendanceFields, attendanceOf, EventForm, eventValues, withAttendanceFields } from './EventForm.js';
import { EventsNav } from './EventsNav.js';
import { EventBadges, formatEventWhen } from './EventTable.js';

/** Links to the records an event refers to, separated by commas. */
function Links({ items, base }: { items: { id: number; name: string }[]; base: string }) {
  if (items.length === 0) return <>{t.eventCard.none}</>;
  return items.map((item, index) => (
    <Fragment key={item.id}>{index > 0 && ', '}<Link href={`${base}/${item.id}`}>{item.name}</Link></Fragment>
  ));
}

function EventDetails({ event }: { event: EventView }) {
  const c = t.eventCard;
  const rows: DetailRow[] = [
    [c.date, formatEventWhen(event)],
    [c.place, [placeKindLabels[event.placeKind], event.place].filter(Boolean).join(': ')],
    [c.form, event.form.name],
    [c.directions, event.directions.map((direction) => direction.name).join(', ')],
    [c.audience, audienceLabels[event.audience]],
    [c.admission, admissionLabels[event.admission]],
    [c.branches, <Links items={event.branches} base="/branches" />],
    [c.partners, <Links items={event.partners} base="/events/partners" />],
    [c.campaign, event.campaign ? <Links items={[event.campaign]} base="/events/campaigns" /> : c.none],
  ];
  if (event.exhibitionDocuments !== null) rows.push([c.exhibitionDocuments, event.exhibitionDocuments]);
  if (event.description) rows.push([c.description, event.description]);
  return <Details rows={rows} />;
}

function Attendance({ event }: { event: EventView }) {
  const f = t.eventEditor;
  if (!event.attendance) return <p className="empty">{t.eventCard.notRecorded}</p>;
  const figures: DetailRow[] = [
    [f.total, event.attendance.total], [f.children, event.attendance.children], [f.youth, event.attendance.youth],
    [f.adults, event.attendance.adults], [f.disabled, event.attendance.disabled],
  ];
  return <Details rows={figures} />;
}

/** Records (or corrects) the attendance of a held event, without touching the rest. */
function AttendanceForm({ event, onDone, onCancel }: { event: EventView; onDone(): void; onCancel(): void }) {
  const { attendanceTotal, attendanceChildren, attendanceYouth, attendanceAdults, attendanceDisabled } = eventValues(event);
  const form = useForm({ attendanceTotal, attendanceChildren, attendanceYouth, attendanceAdults, attendanceDisabled });
  return (
    <Form
      form={form}
      label={t.eventCard.recordAttendance}
      submitLabel={t.save}
      className="form-grid"
      actions={<button type="button" onClick={onCancel}>{t.cancel}</button>}
      onSubmit={async (values) => {
        const body: UpdateEventBody = { attendance: attendanceOf(values) };
        try {
          await api.patch<EventView>(`/events/${event.id}`, body);
        } catch (error) {
          throw withAttendanceFields(error);
        }
        onDone();
        return undefined;
      }}
    >
      <AttendanceFields form={form} />
    </Form>
  );
}

function EventEditForm({ event, onDone, onCancel }: { event: EventView; onDone(): void; onCancel(): void }) {
  const me = useMe();
  const branches = useAllBranches();
  if (!branches) return <Loading />;
  const own = event.branches.map((branch) => branch.id);
  return (
    <EventForm
      initial={eventValues(event)}
      branchOptions={branchOptions(branches, (branch) => own.includes(branch.id) || canRecordForBranches(me, [branch.id]))}
      kept={{ formId: event.form.id, directionIds: event.directions.map((direction) => direction.id), campaign: event.campaign }}
      label={t.eventEditor.editTitle}
      submitLabel={t.save}
      onCancel={onCancel}
      send={async (body) => {
        await api.patch<EventView>(`/events/${event.id}`, body);
        onDone();
        return undefined;
      }}
    />
  );
}

export function EventCardPage({ id }: { id: number }) {
  const me = useMe();
  const [, navigate] = useLocation();
  const flash = useFlash();
  const { data: event, error, loading, reload } = useApi<EventView>(`/events/${id}`);
  const editing = useDisclosure();
  const attendance = useDisclosure();
  const duplicating = useDisclosure();
  const c = t.eventCard;

  if (error) return <><EventsNav /><ErrorBox error={error} /></>;
  if (!event || (loading && event.id !== id)) return <Loading />;
  const canWrite = canRecordForBranches(me, event.branches.map((branch) => branch.id));

  return (
    <>
      <EventsNav />
      <p className="breadcrumbs"><Link href="/events">{c.back}</Link></p>
      <div className="page-title">
        <h1>{event.title}</h1>
        {isAdmin(me) && <Link href={`/audit?entity=event&entityId=${event.id}`} className="small">{c.auditLink}</Link>}
      </div>
      <p className="status-line">
        <span>{formatEventWhen(event)}</span>
        <span className="badge">{event.form.name}</span>
        {event.isHeld ? <span className="badge badge-ok">{c.held}</span> : <span className="badge">{c.scheduled}</span>}
        <EventBadges event={event} />
      </p>
      {canWrite && !editing.open && !duplicating.open && (
        <p className="form-actions">
          <button type="button" onClick={editing.show}>{t.edit}</button>
          <button type="button" onClick={duplicating.show}>{c.duplicate}</button>
          <ConfirmButton
            label={c.remove}
            question={c.confirmRemove(event.title)}
            confirmLabel={c.confirmRemoveButton}
            danger
            onConfirm={async () => {
              await api.delete(`/events/${event.id}`);
              flash(c.removed(event.title), '/events');
              navigate('/events');
            }}
          />
        </p>
      )}
      <Notice message={duplicating.notice} />
      {duplicating.open && <DuplicateForm event={event} onCancel={duplicating.close} onDone={duplicating.done} />}

      <section aria-labelledby="event-details">
        <div className="section-title"><h2 id="event-details">{c.details}</h2></div>
        <Notice message={editing.notice} />
        {editing.open ? (
          <EventEditForm
            event={event}
            onCancel={editing.close}
            onDone={() => {
              editing.done(t.eventEditor.saved);
              reload();
            }}
          />
        ) : <EventDetails event={event} />}
      </section>

      <section aria-labelledby="event-attendance">
        <div className="section-title">
          <h2 id="event-attendance">{c.attendance}</h2>
          {canWrite && !attendance.open && !editing.open && (
            <button type="button" onClick={attendance.show}>{event.isHeld ? c.correctAttendance : c.recordAttendance}</button>
          )}
        </div>
        <Notice message={attendance.notice} />
        {attendance.open ? (
          <AttendanceForm
            event={event}
            onCancel={attendance.close}
            onDone={() => {
              attendance.done(c.attendanceSaved);
              reload();
            }}
          />
        ) : <Attendance event={event} />}
      </section>
    </>
  );
}
