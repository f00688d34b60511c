import { Details, type DetailRow } from '../../components/Details.js';
import { Link } from 'wouter';
import { ButtonLink } from '../../components/ButtonLink.js';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import type { BranchCard, Paged, StaffMemberView } from '../../lib/contract.js';
import { formatDate } from '../../lib/format.js';
import { basisKindLabels, branchEventKindLabels, branchTypeLabels, employmentLabels, t } from '../../lib/messages.js';
import { canWriteBranch, isAdmin } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { BranchContactsForm } from './BranchContactsForm.js';
import { BranchEventForm } from './BranchEventForm.js';
import { BranchFlags, BranchState, EventDetails, opensLater } from './BranchStatus.js';
import { ServicePointsSection } from './ServicePointsSection.js';
import { StaffPositionsSection } from './StaffPositionsSection.js';

const STAFF_PAGE = { pageSize: 100 };

function DetailsList({ branch }: { branch: BranchCard }) {
  const c = t.branchCard;
  const rows: DetailRow[] = [
    [c.code, branch.code],
    [c.type, branchTypeLabels[branch.type]],
    [c.settlement, branch.settlement],
    [c.address, branch.address],
    [c.phone, branch.phone],
    [c.email, branch.email],
    [c.openingHours, branch.openingHours],
    [c.workingDays, branch.workingDays],
    [c.populationServed, branch.populationServed === null ? '' : c.people(branch.populationServed)],
  ];
  return <Details rows={rows} />;
}

function History({ branch }: { branch: BranchCard }) {
  if (branch.events.length === 0) return <p className="empty">{t.branchCard.noHistory}</p>;
  return (
    <ol className="timeline">
      {branch.events.map((event) => (
        <li key={event.id} className={`timeline-item event-${event.kind}`}>
          <span className="timeline-date">{formatDate(event.occurredOn)}</span>
          <div>
            <strong>{branchEventKindLabels[event.kind]}</strong>
            <EventDetails event={event} />
            {(event.basisKind || event.basis) && (
              <p className="event-basis">
                {t.branchCard.basis}: {event.basisKind && <em>{basisKindLabels[event.basisKind]}</em>}
                {event.basisKind && event.basis && ' — '}
                {event.basis}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

function BranchStaff({ branchId }: { branchId: number }) {
  const { data, error } = useApi<Paged<StaffMemberView>>('/staff', { branch: branchId, ...STAFF_PAGE });
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const c = t.branchCard.staffColumns;
  return (
    <Table
      label={t.branchCard.staff}
      rows={data.items}
      rowKey={(member) => member.id}
      empty={t.branchCard.noStaff}
      rowClassName={(member) => (member.dismissedOn ? 'row-inactive' : undefined)}
      columns={[
        { header: c.name, cell: (member) => <Link href={`/staff/${member.id}`}>{member.fullName}</Link> },
        { header: c.position, cell: (member) => member.position },
        { header: c.employment, cell: (member) => employmentLabels[member.employment] },
        {
          header: c.state,
          className: 'nowrap',
          cell: (member) => (member.dismissedOn ? t.staff.dismissedOn(formatDate(member.dismissedOn)) : t.staff.working),
        },
      ]}
    />
  );
}

export function BranchCardPage({ id }: { id: number }) {
  const me = useMe();
  const { data: branch, error, loading, reload } = useApi<BranchCard>(`/branches/${id}`);
  const contacts = useDisclosure();
  const event = useDisclosure();
  const c = t.branchCard;

  if (error) return <ErrorBox error={error} />;
  if (!branch || (loading && branch.id !== id)) return <Loading />;
  const canWrite = canWriteBranch(me, branch.id);

  return (
    <>
      <p className="breadcrumbs"><Link href="/branches">{c.back}</Link></p>
      <div className="page-title">
        <h1>{branch.name}</h1>
        {isAdmin(me) && <Link href={`/audit?entity=branch&entityId=${branch.id}`} className="small">{c.auditLink}</Link>}
      </div>
      <p className="status-line">
        <span className="badge">{branchTypeLabels[branch.type]}</span>
        <BranchFlags branch={branch} full />
        <BranchState branch={branch} />
        {branch.openedOn && !opensLater(branch) && <span>{t.branches.openedOn(formatDate(branch.openedOn))}</span>}
      </p>

      <div className="columns">
        <div>
          <section aria-labelledby="branch-details">
            <div className="section-title">
              <h2 id="branch-details">{c.details}</h2>
              {canWrite && !contacts.open && <button type="button" onClick={contacts.show}>{t.edit}</button>}
            </div>
            <Notice message={contacts.notice} />
            {contacts.open ? (
              <BranchContactsForm
                branch={branch}
                onCancel={contacts.close}
                onSaved={() => {
                  contacts.done(t.branchForm.contactsSaved);
                  reload();
                }}
              />
            ) : (
              <DetailsList branch={branch} />
            )}
          </section>

          <section aria-labelledby="branch-staff">
            <div className="section-title">
              <h2 id="branch-staff">{c.staff}</h2>
              {canWrite && <ButtonLink href={`/staff/new?branch=${branch.id}`}>{c.addStaff}</ButtonLink>}
            </div>
            <BranchStaff branchId={branch.id} />
          </section>

          <StaffPositionsSection branchId={branch.id} canWrite={canWrite} />
        </div>

        <div>
          <section aria-labelledby="branch-history">
            <div className="section-title">
              <h2 id="branch-history">{c.history}</h2>
              {isAdmin(me) && !event.open && <button type="button" onClick={event.show}>{t.eventForm.open}</button>}
            </div>
            <Notice message={event.notice} />
            {event.open && (
              <BranchEventForm
                branch={branch}
                onCancel={event.close}
                onDone={(message) => {
                  event.done(message);
                  reload();
                }}
              />
            )}
            <History branch={branch} />
          </section>

          <ServicePointsSection branchId={branch.id} points={branch.servicePoints} canWrite={canWrite} onChanged={reload} />
        </div>
      </div>
    </>
  );
}
