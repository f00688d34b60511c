import { Link } from 'wouter';
import { ButtonLink } from '../../components/ButtonLink.js';
import { DateFilter, Filters, SearchFilter, SelectFilter } from '../../components/filters.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import type { Paged, StaffListQuery, StaffMemberView } from '../../lib/contract.js';
import { formatDate } from '../../lib/format.js';
import { educationLabels, employmentLabels, t } from '../../lib/messages.js';
import { canAddStaff } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';

const PAGE_SIZE = 50;
const FILTERS = ['branch', 'q', 'activeOn', 'page'] as const;

export function StaffListPage() {
  const me = useMe();
  const branches = useAllBranches();
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const query: StaffListQuery = {
    branch: filters.branch ? Number(filters.branch) : undefined,
    q: filters.q || undefined,
    activeOn: filters.activeOn || undefined,
    page: pageOf(filters.page),
    pageSize: PAGE_SIZE,
  };
  const { data, error, loading } = useApi<Paged<StaffMemberView>>('/staff', query);
  const s = t.staff;

  return (
    <>
      <div className="page-title">
        <h1>{s.title}</h1>
        <Link href="/staff/figures">{t.staffFigures.title}</Link>
        <Link href="/staff/trainings">{t.trainingList.link}</Link>
        <Link href="/staff/seminars">{t.seminars.link}</Link>
        {canAddStaff(me) && (
          <ButtonLink href={filters.branch ? `/staff/new?branch=${filters.branch}` : '/staff/new'} primary>{s.add}</ButtonLink>
        )}
      </div>
      <Filters label={s.filters} onReset={() => setFilters({ branch: '', q: '', activeOn: '' })}>
        <SearchFilter label={s.search} placeholder={s.searchHint} value={filters.q} onApply={(q) => setFilters({ q })} />
        <SelectFilter
          label={s.branch}
          value={filters.branch}
          options={[['', s.allBranches], ...branchOptions(branches ?? [])]}
          onChange={(branch) => setFilters({ branch })}
        />
        <DateFilter label={s.activeOn} value={filters.activeOn} onChange={(activeOn) => setFilters({ activeOn })} />
      </Filters>
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <>
          <Table
            label={s.title}
            rows={data.items}
            rowKey={(member) => member.id}
            empty={s.none}
            busy={loading}
            rowClassName={(member) => (member.dismissedOn ? 'row-inactive' : undefined)}
            columns={[
              { header: s.columns.name, cell: (member) => <Link href={`/staff/${member.id}`}>{member.fullName}</Link> },
              { header: s.columns.branch, cell: (member) => <Link href={`/branches/${member.branchId}`}>{member.branchName}</Link> },
              { header: s.columns.position, cell: (member) => member.position },
              { header: s.columns.employment, cell: (member) => employmentLabels[member.employment] },
              {
                header: s.columns.education,
                cell: (member) => educationLabels[member.education] + (member.hasLibraryEducation ? `, ${s.libraryEducation}` : ''),
              },
              {
                header: s.columns.state,
                className: 'nowrap',
                cell: (member) => (member.dismissedOn ? s.dismissedOn(formatDate(member.dismissedOn)) : s.working),
              },
            ]}
          />
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setFilters({ page: String(page) })} />
        </>
      )}
    </>
  );
}
