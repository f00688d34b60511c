import { useState } from 'react';
import { Link } from 'wouter';
import { DateFilter, Filters, NumberFilter, SelectFilter } from '../../components/filters.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import type { AuditEntry, AuditQuery, Paged, UserView } from '../../lib/contract.js';
import { formatDateTime } from '../../lib/format.js';
import { fieldLabel, formatFieldValue } from '../../lib/format-field.js';
import { auditActionLabels, auditEntityLabels, t } from '../../lib/messages.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { diff } from './diff.js';

const PAGE_SIZE = 50;
const FILTERS = ['entity', 'entityId', 'userId', 'from', 'to', 'page'] as const;

/** Where an entity's page is, for the entities that have one. */
const entityLinks: Record<string, (id: number) => string> = {
  branch: (id) => `/branches/${id}`,
  staff_member: (id) => `/staff/${id}`,
  user: (id) => `/users/${id}`,
};

/** Before → after of the changed fields; a creation or deletion has only one side to show. */
function Changes({ entry }: { entry: AuditEntry }) {
  const rows = diff(entry.before, entry.after);
  const a = t.audit;
  if (rows.length === 0) return <p className="muted">{a.noChanges}</p>;
  const showBefore = entry.before !== null;
  const showAfter = entry.after !== null;
  const value = (path: string, item: unknown) => (item === undefined ? '' : formatFieldValue(path, item));
  return (
    <table className="table diff" aria-label={a.changesOf(entry.id)}>
      <thead>
        <tr>
          <th scope="col">{a.field}</th>
          {showBefore && <th scope="col">{a.before}</th>}
          {showAfter && <th scope="col">{a.after}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.path}>
            <th scope="row">{fieldLabel(row.path)}</th>
            {showBefore && <td className="diff-before">{value(row.path, row.before)}</td>}
            {showAfter && <td className="diff-after">{value(row.path, row.after)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditPage() {
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const { data: users } = useApi<UserView[]>('/users');
  const query: AuditQuery = {
    entity: filters.entity || undefined,
    entityId: filters.entityId ? Number(filters.entityId) : undefined,
    userId: filters.userId ? Number(filters.userId) : undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    page: pageOf(filters.page),
    pageSize: PAGE_SIZE,
  };
  const { data, error, loading } = useApi<Paged<AuditEntry>>('/audit', query);
  const a = t.audit;

  const toggle = (id: number) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <>
      <h1>{a.title}</h1>
      <Filters label={a.filters} onReset={() => setFilters({ entity: '', entityId: '', userId: '', from: '', to: '' })}>
        <SelectFilter
          label={a.entity}
          value={filters.entity}
          options={[['', a.allEntities], ...Object.entries(auditEntityLabels)]}
          onChange={(entity) => setFilters({ entity })}
        />
        <NumberFilter label={a.entityId} value={filters.entityId} onApply={(entityId) => setFilters({ entityId })} />
        <SelectFilter
          label={a.user}
          value={filters.userId}
          options={[['', a.allUsers], ...(users ?? []).map((user) => [String(user.id), `${user.fullName} (${user.login})`] as const)]}
          onChange={(userId) => setFilters({ userId })}
        />
        <DateFilter label={a.from} value={filters.from} onChange={(from) => setFilters({ from })} />
        <DateFilter label={a.to} value={filters.to} onChange={(to) => setFilters({ to })} />
      </Filters>
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <>
          <Table
            label={a.title}
            rows={data.items}
            rowKey={(entry) => entry.id}
            empty={a.none}
            busy={loading}
            after={(entry) => (expanded.has(entry.id) ? <Changes entry={entry} /> : null)}
            columns={[
              { header: a.columns.at, cell: (entry) => formatDateTime(entry.at), className: 'nowrap' },
              { header: a.columns.user, cell: (entry) => (entry.user ? `${entry.user.fullName} (${entry.user.login})` : a.system) },
              { header: a.columns.action, cell: (entry) => auditActionLabels[entry.action] },
              { header: a.columns.entity, cell: (entry) => auditEntityLabels[entry.entity] ?? entry.entity },
              {
                header: a.columns.entityId,
                className: 'num',
                cell: (entry) => {
                  if (entry.entityId === null) return '';
                  const link = entityLinks[entry.entity];
                  return link ? <Link href={link(entry.entityId)}>{entry.entityId}</Link> : entry.entityId;
                },
              },
              {
                header: a.columns.changes,
                cell: (entry) => (
                  <button type="button" className="small" aria-expanded={expanded.has(entry.id)} onClick={() => toggle(entry.id)}>
                    {expanded.has(entry.id) ? a.hideChanges : a.showChanges}
                  </button>
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
