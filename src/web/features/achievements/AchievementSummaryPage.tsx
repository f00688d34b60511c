import { Filters, SelectFilter, yearOptions } from '../../components/filters.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import type { AchievementSummary, CompetitionLevel, NetworkView } from '../../lib/contract.js';
import { t } from '../../lib/messages.js';
import { useApi } from '../../lib/use-api.js';
import { useUrlQuery } from '../../lib/url-query.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { AchievementsTabs } from './AchievementsTabs.js';

const FILTERS = ['year', 'branch'] as const;
const LEVELS: CompetitionLevel[] = ['international', 'national', 'regional', 'inter_district', 'district'];

/** A section of the report: a heading and one line per record. */
function ReportSection({ heading, lines }: { heading: string; lines: { id: number; text: string }[] }) {
  if (lines.length === 0) return null;
  return (
    <section className="report-section">
      <h3>{heading}</h3>
      <ul className="report-lines">
        {lines.map((line) => <li key={line.id}>{line.text}</li>)}
      </ul>
    </section>
  );
}

/**
 * The year's achievements as the annual report lists them — competitions by level from
 * international to district, jury work, conferences, honours — and the counts per branch.
 * Printed, it is the report's section.
 */
export function AchievementSummaryPage() {
  const branches = useAllBranches();
  const { data: network } = useApi<NetworkView>('/network');
  const [filters, setFilters] = useUrlQuery(FILTERS);
  // Last year by default: the annual report is written after the year ends.
  const year = filters.year || String(new Date().getFullYear() - 1);
  const { data, error, loading } = useApi<AchievementSummary>('/achievements/summary', { year, branch: filters.branch || undefined });
  const s = t.summary;
  const branchName = branches?.find((branch) => String(branch.id) === filters.branch)?.name;

  return (
    <>
      <AchievementsTabs />
      <div className="page-title">
        <h1>{s.title(year)}</h1>
        <button type="button" onClick={() => window.print()}>{t.print}</button>
      </div>
      <Filters label={s.filters}>
        <SelectFilter label={s.year} value={year} options={yearOptions()} onChange={(value) => setFilters({ year: value })} />
        <SelectFilter
          label={s.branch}
          value={filters.branch}
          options={[['', s.wholeNetwork], ...branchOptions(branches ?? [])]}
          onChange={(branch) => setFilters({ branch })}
        />
      </Filters>
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <article className="report" aria-busy={loading || undefined} aria-labelledby="report-title">
          <h2 id="report-title" className="report-title">
            {s.competitions}
            <span className="print-only"> — {branchName ?? network?.fullName ?? ''}, {data.year}</span>
          </h2>
          {data.levels.length === 0 && data.jury.length + data.conferences.length + data.honours.length === 0 && <p className="empty">{s.none}</p>}
          {data.levels.map((level) => (
            <ReportSection key={level.level} heading={level.heading} lines={level.competitions} />
          ))}
          <ReportSection heading={s.jury} lines={data.jury} />
          <ReportSection heading={s.conferences} lines={data.conferences} />
          <ReportSection heading={s.honours} lines={data.honours} />

          {data.branches.length > 0 && (
            <section className="report-section">
              <h3>{s.byBranch}</h3>
              <Table
                label={s.byBranch}
                rows={data.branches}
                rowKey={(row) => row.branchId}
                empty={s.none}
                columns={[
                  { header: s.columns.branch, cell: (row) => row.branchName },
                  ...LEVELS.map((level) => ({ header: s.levelShort[level], cell: (row: AchievementSummary['branches'][number]) => row.entriesByLevel[level] || '', className: 'num' })),
                  { header: s.columns.entries, cell: (row) => row.entries, className: 'num' },
                  { header: s.columns.prizes, cell: (row) => row.prizes, className: 'num' },
                ]}
              />
              <p className="muted small">{s.prizesNote}</p>
            </section>
          )}
        </article>
      )}
    </>
  );
}
