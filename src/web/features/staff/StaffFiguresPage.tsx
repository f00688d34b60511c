import { Link } from 'wouter';
import { Filters, SelectFilter, yearOptions } from '../../components/filters.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import type { NetworkView, StaffStatistics, StaffStatisticsQuery } from '../../lib/contract.js';
import { formatDate, formatDecimal } from '../../lib/format.js';
import { t } from '../../lib/messages.js';
import { useApi } from '../../lib/use-api.js';
import { useUrlQuery } from '../../lib/url-query.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';

type Figure = Exclude<keyof StaffStatistics, 'date'>;
type Heading = Exclude<keyof typeof t.staffFigures.rows, Figure>;
/** A line of the section: a figure, or the heading of the figures under it; depth is its indent. */
type Row = { figure: Figure; depth: number } | { heading: Heading; depth: number };

/** Section 6 «Персонал» of form 6-НК, line by line in the form's order. */
const ROWS: Row[] = [
  { figure: 'posts', depth: 0 },
  { figure: 'headcount', depth: 0 },
  { figure: 'withDisability', depth: 1 },
  { figure: 'coreStaff', depth: 1 },
  { heading: 'education', depth: 2 },
  { figure: 'higherEducation', depth: 3 },
  { figure: 'higherLibraryEducation', depth: 4 },
  { figure: 'secondaryVocationalEducation', depth: 3 },
  { figure: 'secondaryVocationalLibraryEducation', depth: 4 },
  { heading: 'experience', depth: 2 },
  { figure: 'experienceUpTo3', depth: 3 },
  { figure: 'experience3To10', depth: 3 },
  { figure: 'experienceOver10', depth: 3 },
  { heading: 'age', depth: 2 },
  { figure: 'ageUnder30', depth: 3 },
  { figure: 'age30To55', depth: 3 },
  { figure: 'age55AndOver', depth: 3 },
];

const FILTERS = ['year', 'branch'] as const;

/** The staff figures of 6-НК section 6 as of 31 December of a year, for the network or one branch; printable. */
export function StaffFiguresPage() {
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const branches = useAllBranches();
  const { data: network } = useApi<NetworkView>('/network');
  const year = filters.year || String(new Date().getFullYear() - 1);
  const query: StaffStatisticsQuery = { date: `${year}-12-31`, branch: filters.branch ? Number(filters.branch) : undefined };
  const { data: figures, error, loading } = useApi<StaffStatistics>('/staff/statistics', query);
  const f = t.staffFigures;
  const scope = filters.branch ? branches?.find((branch) => String(branch.id) === filters.branch)?.name : f.wholeNetwork;

  return (
    <>
      <p className="breadcrumbs"><Link href="/staff">{t.staffCard.back}</Link></p>
      <div className="page-title">
        <h1>{f.title}</h1>
        <button type="button" onClick={() => window.print()}>{t.print}</button>
      </div>
      <Filters label={f.filters}>
        <SelectFilter label={f.year} value={year} options={yearOptions()} onChange={(value) => setFilters({ year: value })} />
        <SelectFilter
          label={f.branch}
          value={filters.branch}
          options={[['', f.wholeNetwork], ...branchOptions(branches ?? [])]}
          onChange={(branch) => setFilters({ branch })}
        />
      </Filters>
      <p className="status-line">
        {network && <strong>{network.fullName}</strong>}
        <span>{[scope, f.asOf(formatDate(query.date))].filter(Boolean).join(', ')}</span>
      </p>
      {error && <ErrorBox error={error} />}
      {!figures && !error && <Loading />}
      {figures && (
        <div className="figures">
          <Table
            label={f.title}
            rows={ROWS}
            rowKey={(row) => ('figure' in row ? row.figure : row.heading)}
            empty=""
            busy={loading}
            rowClassName={(row) => ('heading' in row ? 'row-heading' : undefined)}
            columns={[
              {
                header: f.indicator,
                cell: (row) => <span className={`indent-${row.depth}`}>{f.rows['figure' in row ? row.figure : row.heading]}</span>,
              },
              { header: f.value, className: 'num', cell: (row) => ('figure' in row ? formatDecimal(figures[row.figure]) : '') },
            ]}
          />
          <p className="muted small">{f.note}</p>
        </div>
      )}
    </>
  );
}
