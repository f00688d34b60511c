import { Link } from 'wouter';
import { ButtonLink } from '../../components/ButtonLink.js';
import { DateFilter, Filters, SearchFilter, SelectFilter, yearOptions } from '../../components/filters.js';
import { optionsOf } from '../../components/fields.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table, type Column } from '../../components/Table.js';
import type { BranchListQuery, BranchType, BranchView, Paged } from '../../lib/contract.js';
import { formatDate } from '../../lib/format.js';
import { branchTypeLabels, t } from '../../lib/messages.js';
import { isAdmin } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { BranchFlags, BranchState } from './BranchStatus.js';

const PAGE_SIZE = 50;
const FILTERS = ['q', 'type', 'year', 'activeOn', 'page'] as const;

const daysInYear = (year: number) => (new Date(year, 1, 29).getDate() === 29 ? 366 : 365);

export function BranchListPage() {
  const me = useMe();
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const year = filters.year ? Number(filters.year) : undefined;
  const query: BranchListQuery = {
    q: filters.q || undefined,
    type: (filters.type || undefined) as BranchType | undefined,
    year,
    activeOn: filters.activeOn || undefined,
    page: pageOf(filters.page),
    pageSize: PAGE_SIZE,
  };
  const { data, error, loading } = useApi<Paged<BranchView>>('/branches', query);

  const columns: Column<BranchView>[] = [
    {
      header: t.branches.columns.name,
      cell: (branch) => (
        <>
          <Link href={`/branches/${branch.id}`}>{branch.name}</Link> <span className="muted small">{branch.code}</span>
        </>
      ),
    },
    { header: t.branches.columns.type, cell: (branch) => branchTypeLabels[branch.type] },
    { header: t.branches.columns.flags, cell: (branch) => <BranchFlags branch={branch} /> },
    { header: t.branches.columns.settlement, cell: (branch) => branch.settlement },
    { header: t.branches.columns.openedOn, cell: (branch) => formatDate(branch.openedOn), className: 'nowrap' },
    { header: t.branches.columns.state, cell: (branch) => <BranchState branch={branch} />, className: 'nowrap' },
  ];
  if (year !== undefined) {
    columns.push({
      header: t.branches.columns.daysActive(year),
      cell: (branch) => t.branches.daysOf(branch.daysActiveInYear ?? 0, daysInYear(year)),
      className: 'num nowrap',
    });
  }

  return (
    <>
      <div className="page-title">
        <h1>{t.branches.title}</h1>
        {isAdmin(me) && <ButtonLink href="/branches/new" primary>{t.branches.open}</ButtonLink>}
      </div>
      <Filters label={t.branches.filters} onReset={() => setFilters({ q: '', type: '', year: '', activeOn: '' })}>
        <SearchFilter label={t.branches.search} placeholder={t.branches.searchHint} value={filters.q} onApply={(q) => setFilters({ q })} />
        <SelectFilter label={t.branches.type} value={filters.type} options={[['', t.all], ...optionsOf(branchTypeLabels)]} onChange={(type) => setFilters({ type })} />
        <SelectFilter label={t.branches.year} value={filters.year} options={[['', t.all], ...yearOptions()]} onChange={(value) => setFilters({ year: value })} />
        <DateFilter label={t.branches.activeOn} value={filters.activeOn} onChange={(activeOn) => setFilters({ activeOn })} />
      </Filters>
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <>
          <Table
            label={t.branches.title}
            columns={columns}
            rows={data.items}
            rowKey={(branch) => branch.id}
            rowClassName={(branch) => (branch.isActive ? undefined : 'row-inactive')}
            empty={t.branches.none}
            busy={loading}
          />
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setFilters({ page: String(page) })} />
        </>
      )}
    </>
  );
}
