import { Link } from 'wouter';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { Filters, SelectFilter, yearOptions } from '../../components/filters.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import { api } from '../../lib/api.js';
import type { Paged, SeminarListQuery, SeminarView } from '../../lib/contract.js';
import { formatDate } from '../../lib/format.js';
import { t } from '../../lib/messages.js';
import { canCompileNetworkRecords } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { SeminarForm } from './SeminarForm.js';

const PAGE_SIZE = 50;
const FILTERS = ['year', 'branch', 'page'] as const;

/** Seminars the network ran for its staff, with who attended; the methodologist records them. */
export function SeminarsPage() {
  const me = useMe();
  const branches = useAllBranches();
  const adding = useDisclosure();
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const query: SeminarListQuery = {
    year: filters.year ? Number(filters.year) : undefined,
    branch: filters.branch ? Number(filters.branch) : undefined,
    page: pageOf(filters.page),
    pageSize: PAGE_SIZE,
  };
  const { data, error, loading, reload } = useApi<Paged<SeminarView>>('/seminars', query);
  const s = t.seminars;
  const c = s.columns;
  const done = (message: string) => {
    adding.done(message);
    reload();
  };

  return (
    <>
      <p className="breadcrumbs"><Link href="/staff">{s.back}</Link></p>
      <div className="page-title">
        <h1>{s.title}</h1>
        {canCompileNetworkRecords(me) && !adding.open && <button type="button" className="primary" onClick={adding.show}>{s.add}</button>}
      </div>
      <Notice message={adding.notice} />
      {adding.open && <SeminarForm onDone={done} onCancel={adding.close} />}
      <Filters label={s.filters} onReset={() => setFilters({ year: '', branch: '' })}>
        <SelectFilter label={s.year} value={filters.year} options={[['', s.allYears], ...yearOptions()]} onChange={(year) => setFilters({ year })} />
        <SelectFilter
          label={s.branch}
          value={filters.branch}
          options={[['', s.allBranches], ...branchOptions(branches ?? [])]}
          onChange={(branch) => setFilters({ branch })}
        />
      </Filters>
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <>
          <Table
            label={s.title}
            rows={data.items}
            rowKey={(seminar) => seminar.id}
            empty={s.none}
            busy={loading}
            columns={[
              { header: c.heldOn, cell: (seminar) => formatDate(seminar.heldOn), className: 'nowrap' },
              {
                header: c.topic,
                cell: (seminar) => (<>{seminar.topic}{seminar.description && <div className="muted small">{seminar.description}</div>}</>),
              },
              { header: c.organiser, cell: (seminar) => seminar.organiser },
              {
                header: c.attendees,
                cell: (seminar) => {
                  if (seminar.attendeeCount === 0) return <span className="muted">{s.noAttendees}</span>;
                  const count = s.attendeeCount(seminar.attendees.length, seminar.externalAttendees);
                  if (seminar.attendees.length === 0) return count;
                  return (
                    <details className="attendees">
                      <summary>{count}</summary>
                      <ul>{seminar.attendees.map((person) => <li key={person.id}><Link href={`/staff/${person.id}`}>{person.fullName}</Link>, {person.branchName}</li>)}</ul>
                    </details>
                  );
                },
              },
              {
                header: <span className="visually-hidden">{t.achievements.actions}</span>,
                className: 'record-actions',
                cell: (seminar) => canCompileNetworkRecords(me) && (
                  <ConfirmButton
                    label={t.achievements.remove}
                    question={s.confirmRemove(seminar.topic)}
                    confirmLabel={t.achievements.confirmRemoveButton}
                    danger
                    onConfirm={async () => {
                      await api.delete(`/seminars/${seminar.id}`);
                      done(s.removed);
                    }}
                  />
                ),
              },
            ]}
          />
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setFilters({ page: String(page) })} />
        </>
      )}
    </>
  );
}
