import { Link } from 'wouter';
import { ButtonLink } from '../../components/ButtonLink.js';
import { Filters, SearchFilter, SelectFilter } from '../../components/filters.js';
import { optionsOf } from '../../components/fields.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import type { UserView } from '../../lib/contract.js';
import { formatDateTime } from '../../lib/format.js';
import { roleLabels, t } from '../../lib/messages.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { useAllBranches } from '../branches/use-branches.js';

const PAGE_SIZE = 50;
const FILTERS = ['q', 'role', 'page'] as const;

/** The network's accounts. The API returns them all at once (there are few), so filtering and paging happen here. */
export function UsersPage() {
  const me = useMe();
  const { data: users, error } = useApi<UserView[]>('/users');
  const branches = useAllBranches();
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const u = t.users;

  const branchName = (id: number) => branches?.find((branch) => branch.id === id)?.name ?? `№ ${id}`;
  const needle = filters.q.toLowerCase();
  const matching = (users ?? []).filter(
    (user) =>
      (!filters.role || user.role === filters.role) &&
      (!needle || user.login.toLowerCase().includes(needle) || user.fullName.toLowerCase().includes(needle)),
  );
  const page = pageOf(filters.page);
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <>
      <div className="page-title">
        <h1>{u.title}</h1>
        <ButtonLink href="/users/new" primary>{u.add}</ButtonLink>
      </div>
      <Filters label={u.filters} onReset={() => setFilters({ q: '', role: '' })}>
        <SearchFilter label={u.search} placeholder={u.searchHint} value={filters.q} onApply={(q) => setFilters({ q })} />
        <SelectFilter label={u.role} value={filters.role} options={[['', u.allRoles], ...optionsOf(roleLabels)]} onChange={(role) => setFilters({ role })} />
      </Filters>
      {error && <ErrorBox error={error} />}
      {!users && !error && <Loading />}
      {users && (
        <>
          <Table
            label={u.title}
            rows={shown}
            rowKey={(user) => user.id}
            empty={u.none}
            rowClassName={(user) => (user.isActive ? undefined : 'row-inactive')}
            columns={[
              {
                header: u.columns.fullName,
                cell: (user) => (
                  <>
                    <Link href={`/users/${user.id}`}>{user.fullName}</Link>
                    {user.id === me.userId && <span className="muted small"> {u.you}</span>}
                  </>
                ),
              },
              { header: u.columns.login, cell: (user) => user.login },
              { header: u.columns.role, cell: (user) => roleLabels[user.role] },
              { header: u.columns.branches, cell: (user) => user.branchIds.map(branchName).join(', ') },
              {
                header: u.columns.state,
                className: 'nowrap',
                cell: (user) => <span className={`badge ${user.isActive ? 'badge-ok' : 'badge-closed'}`}>{user.isActive ? u.active : u.blocked}</span>,
              },
              { header: u.columns.createdAt, cell: (user) => formatDateTime(user.createdAt), className: 'nowrap' },
            ]}
          />
          <Pager page={page} pageSize={PAGE_SIZE} total={matching.length} onPage={(next) => setFilters({ page: String(next) })} />
        </>
      )}
    </>
  );
}
