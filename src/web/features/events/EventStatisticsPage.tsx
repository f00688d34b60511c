import { Filters, SelectFilter, yearOptions } from '../../components/filters.js';
import { optionsOf } from '../../components/fields.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import type { EventAudience, EventStatistics, EventStatisticsQuery, StatisticsGroup } from '../../lib/contract.js';
import { audienceLabels, statisticsGroupLabels, t } from '../../lib/messages.js';
import { useApi } from '../../lib/use-api.js';
import { useUrlQuery } from '../../lib/url-query.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { EventsNav } from './EventsNav.js';
import { currentYear } from './use-events.js';

type Figures = EventStatistics['totals'];
type Row = EventStatistics['rows'][number];
const number = (value: number) => value.toLocaleString('ru-RU');

/** The columns of figures, the same for every group and for the totals. */
const figureCells = (figures: Figures) => [
  number(figures.events), number(figures.heldEvents), number(figures.attendance.total), number(figures.attendance.children),
  number(figures.attendance.youth), number(figures.attendance.adults), number(figures.attendance.disabled),
];

/** Events and attendance for a year by direction, form, audience or branch: what the methodologist reports. */
export function EventStatisticsPage() {
  const [filters, setFilters] = useUrlQuery(['year', 'month', 'branch', 'groupBy'] as const);
  const branches = useAllBranches();
  const groupBy = (filters.groupBy || 'direction') as StatisticsGroup;
  const query: EventStatisticsQuery = {
    year: filters.year ? Number(filters.year) : currentYear(),
    month: filters.month ? Number(filters.month) : undefined,
    branch: filters.branch ? Number(filters.branch) : undefined,
    groupBy,
  };
  const { data, error, loading } = useApi<EventStatistics>('/events/statistics', query);
  const s = t.statistics;
  const c = s.columns;
  const headers = [c.events, c.heldEvents, c.total, c.children, c.youth, c.adults, c.disabled];

  return (
    <>
      <EventsNav />
      <h1>{s.title}</h1>
      <Filters label={s.filters}>
        <SelectFilter label={s.groupBy} value={groupBy} options={optionsOf(statisticsGroupLabels)} onChange={(value) => setFilters({ groupBy: value })} />
        <SelectFilter label={s.year} value={String(query.year)} options={yearOptions()} onChange={(value) => setFilters({ year: value })} />
        <SelectFilter
          label={s.month}
          value={filters.month}
          options={[['', s.allMonths], ...t.events.months.map((name, index) => [String(index + 1), name] as const)]}
          onChange={(value) => setFilters({ month: value })}
        />
        <SelectFilter label={s.branch} value={filters.branch} options={[['', s.allBranches], ...branchOptions(branches ?? [])]} onChange={(branch) => setFilters({ branch })} />
      </Filters>
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <>
          <Table<Row>
            label={`${s.title}: ${statisticsGroupLabels[data.groupBy]}`}
            rows={data.rows}
            rowKey={(row) => row.key}
            empty={s.none}
            busy={loading}
            columns={[
              { header: statisticsGroupLabels[data.groupBy], cell: (row) => row.name ?? audienceLabels[row.key as EventAudience] ?? row.key },
              ...headers.map((header, index) => ({ header, cell: (row: Row) => figureCells(row)[index], className: 'num' })),
            ]}
            footer={[s.totals, ...figureCells(data.totals)]}
          />
          {(data.groupBy === 'direction' || data.groupBy === 'branch') && <p className="muted small">{s.multipleNote}</p>}
        </>
      )}
    </>
  );
}
