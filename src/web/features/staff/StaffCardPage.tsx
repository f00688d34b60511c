import { Details, type DetailRow } from '../../components/Details.js';
import { Link } from 'wouter';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table, type Column } from '../../components/Table.js';
import { api } from '../../lib/api.js';
import type { StaffCard, StaffMemberView, TrainingView } from '../../lib/contract.js';
import { formatDate, formatDateRange, formatYesNo, today } from '../../lib/format.js';
import { educationLabels, employmentLabels, t, trainingTopicLabels } from '../../lib/messages.js';
import { canWriteBranch, isAdmin } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { StaffForm, staffValues } from './StaffForm.js';
import { TrainingForm } from './TrainingForm.js';

/** Whole years from a date to today. */
function yearsSince(date: string): number {
  const now = today();
  const years = Number(now.slice(0, 4)) - Number(date.slice(0, 4));
  return now.slice(5) < date.slice(5) ? years - 1 : years;
}

const withYears = (date: string | null) => (date ? `${formatDate(date)} (${t.staffCard.years(yearsSince(date))})` : '');

function DetailsList({ member }: { member: StaffCard }) {
  const c = t.staffCard;
  const rows: DetailRow[] = [
    [c.branch, <Link href={`/branches/${member.branchId}`}>{member.branchName}</Link>],
    [c.position, member.position],
    [c.employment, employmentLabels[member.employment]],
    [c.isCoreStaff, formatYesNo(member.isCoreStaff)],
    [c.education, educationLabels[member.education]],
    [c.hasLibraryEducation, formatYesNo(member.hasLibraryEducation)],
    [c.libraryExperienceSince, withYears(member.libraryExperienceSince)],
    [c.birthDate, withYears(member.birthDate)],
    [c.hasDisability, formatYesNo(member.hasDisability)],
    [c.hiredOn, formatDate(member.hiredOn)],
    [c.dismissedOn, member.dismissedOn ? formatDate(member.dismissedOn) : c.notDismissed],
  ];
  return <Details rows={rows} />;
}

function StaffEditForm({ member, onDone, onCancel }: { member: StaffMemberView; onDone(): void; onCancel(): void }) {
  const me = useMe();
  const branches = useAllBranches();
  if (!branches) return <Loading />;
  return (
    <StaffForm
      initial={staffValues(member)}
      branchOptions={branchOptions(branches, (branch) => branch.id === member.branchId || canWriteBranch(me, branch.id))}
      label={t.staffForm.editTitle}
      submitLabel={t.save}
      onCancel={onCancel}
      send={async (body) => {
        await api.patch<StaffMemberView>(`/staff/${member.id}`, body);
        onDone();
        return undefined;
      }}
    />
  );
}

export function StaffCardPage({ id }: { id: number }) {
  const me = useMe();
  const { data: member, error, loading, reload } = useApi<StaffCard>(`/staff/${id}`);
  const editing = useDisclosure();
  const adding = useDisclosure();
  const c = t.staffCard;
  const f = t.trainings;

  if (error) return <ErrorBox error={error} />;
  if (!member || (loading && member.id !== id)) return <Loading />;
  const canWrite = canWriteBranch(me, member.branchId);

  const columns: Column<TrainingView>[] = [
    { header: f.course, cell: (training) => training.course },
    { header: f.provider, cell: (training) => training.provider },
    { header: f.topic, cell: (training) => trainingTopicLabels[training.topic as keyof typeof trainingTopicLabels] ?? training.topic },
    { header: f.hours, cell: (training) => training.hours ?? '', className: 'num' },
    { header: f.dates, cell: (training) => formatDateRange(training.startedOn, training.finishedOn), className: 'nowrap' },
    { header: f.certificateNumber, cell: (training) => training.certificateNumber },
  ];
  if (canWrite) {
    columns.push({
      header: <span className="visually-hidden">{f.actions}</span>,
      cell: (training) => (
        <ConfirmButton
          label={f.remove}
          question={f.confirmRemove(training.course)}
          confirmLabel={f.confirmRemoveButton}
          danger
          onConfirm={async () => {
            await api.delete(`/staff/${member.id}/trainings/${training.id}`);
            adding.done(f.removed);
            reload();
          }}
        />
      ),
    });
  }

  return (
    <>
      <p className="breadcrumbs"><Link href="/staff">{c.back}</Link></p>
      <div className="page-title">
        <h1>{member.fullName}</h1>
        {isAdmin(me) && <Link href={`/audit?entity=staff_member&entityId=${member.id}`} className="small">{c.auditLink}</Link>}
      </div>
      <p className="status-line">
        <span>{member.position}</span>
        <Link href={`/branches/${member.branchId}`}>{member.branchName}</Link>
        {member.dismissedOn
          ? <span className="badge badge-closed">{t.staff.dismissedOn(formatDate(member.dismissedOn))}</span>
          : <span className="badge badge-ok">{t.staff.working}</span>}
      </p>

      <section aria-labelledby="staff-details">
        <div className="section-title">
          <h2 id="staff-details">{c.details}</h2>
          {canWrite && !editing.open && <button type="button" onClick={editing.show}>{t.edit}</button>}
        </div>
        <Notice message={editing.notice} />
        {editing.open ? (
          <StaffEditForm
            member={member}
            onCancel={editing.close}
            onDone={() => {
              editing.done(t.staffForm.saved);
              reload();
            }}
          />
        ) : (
          <DetailsList member={member} />
        )}
      </section>

      <section aria-labelledby="staff-trainings">
        <div className="section-title">
          <h2 id="staff-trainings">{c.trainings}</h2>
          {canWrite && !adding.open && <button type="button" onClick={adding.show}>{f.open}</button>}
        </div>
        <Notice message={adding.notice} />
        {adding.open && (
          <TrainingForm
            staffMemberId={member.id}
            onCancel={adding.close}
            onDone={(message) => {
              adding.done(message);
              reload();
            }}
          />
        )}
        <Table label={c.trainings} columns={columns} rows={member.trainings} rowKey={(training) => training.id} empty={c.noTrainings} />
      </section>
    </>
  );
}
