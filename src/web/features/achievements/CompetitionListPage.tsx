import { Link, useLocation } from 'wouter';
import { useDisclosure } from '../../components/Disclosure.js';
import { Filters, SearchFilter, SelectFilter, yearOptions } from '../../components/filters.js';
import { optionsOf } from '../../components/fields.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import { api } from '../../lib/api.js';
import type { CompetitionLevel, CompetitionListQuery, CompetitionView, Paged } from '../../lib/contract.js';
import { useFlash } from '../../lib/flash.js';
import { competitionLevelLabels, t } from '../../lib/messages.js';
import { canCompileNetworkRecords } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { AchievementsTabs } from './AchievementsTabs.js';
import { CompetitionForm, competitionValues } from './CompetitionForm.js';

const PAGE_SIZE = 50;
const FILTERS = ['year', 'level', 'branch', 'q', 'page'] as const;

/** Competitions with their entries and results, by year, level and branch. */
export function CompetitionListPage() {
  const me = useMe();
  const [, navigate] = useLocation();
  const flash = useFlash();
  const branches = useAllBranches();
  const creating = useDisclosure();
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const query: CompetitionListQuery = {
    year: filters.year ? Number(filters.year) : undefined,
    level: (filters.level || undefined) as CompetitionLevel | undefined,
    branch: filters.branch ? Number(filters.branch) : undefined,
    q: filters.q || undefined,
    page: pageOf(filters.page),
    pageSize: PAGE_SIZE,
  };
  const { data, error, loading } = useApi<Paged<CompetitionView>>('/competitions', query);
  const a = t.achievements;
  const c = t.competitions;

  return (
    <>
      <AchievementsTabs />
      <div className="page-title">
        <h1>{c.title}</h1>
        {canCompileNetworkRecords(me) && !creating.open && <button type="button" className="primary" onClick={creating.show}>{c.add}</button>}
      </div>
      {creating.open && (
        <CompetitionForm
          initial={competitionValues()}
          label={t.competitionForm.createTitle}
          submitLabel={t.competitionForm.submitCreate}
          onCancel={creating.close}
          send={async (body) => {
            const competition = await api.post<CompetitionView>('/competitions', body);
            flash(t.competitionForm.created(competition.name), `/achievements/competitions/${competition.id}`);
            navigate(`/achievements/competitions/${competition.id}`);
            return undefined;
          }}
        />
      )}
      <Filters label={c.filters} onReset={() => setFilters({ year: '', level: '', branch: '', q: '' })}>
        <SelectFilter label={a.year} value={filters.year} options={[['', a.allYears], ...yearOptions()]} onChange={(year) => setFilters({ year })} />
        <SelectFilter
          label={a.level}
          value={filters.level}
          options={[['', a.allLevels], ...optionsOf(competitionLevelLabels)]}
          onChange={(level) => setFilters({ level })}
        />
        <SelectFilter
          label={a.branch}
          value={filters.branch}
          options={[['', a.allBranches], ...branchOptions(branches ?? [])]}
          onChange={(branch) => setFilters({ branch })}
        />
        <SearchFilter label={a.search} placeholder={a.searchHint} value={filters.q} onApply={(q) => setFilters({ q })} />
      </Filters>
      {filters.branch && <p className="muted small">{c.onlyBranch}</p>}
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <>
          <Table
            label={c.title}
            rows={data.items}
            rowKey={(competition) => competition.id}
            empty={c.none}
            busy={loading}
            columns={[
              {
                header: c.columns.name,
                cell: (competition) => (
                  <>
                    <Link href={`/achievements/competitions/${competition.id}`}>{competition.name}</Link>
                    {competition.organiser && <div className="muted small">{competition.organiser}</div>}
                  </>
                ),
              },
              { header: c.columns.year, cell: (competition) => competition.year, className: 'num' },
              { header: c.columns.level, cell: (competition) => competitionLevelLabels[competition.level], className: 'nowrap' },
              {
                header: c.columns.entries,
                cell: (competition) => (competition.entries.length ? (
                  <ul className="entry-lines">
                    {competition.entries.map((entry) => (
                      <li key={entry.id}>
                        {entry.participantLabel}
                        {entry.nomination && <span className="muted"> · {entry.nomination}</span>}
                        {' — '}
                        {entry.awards.length ? entry.awards.map((award) => award.wording).join(', ') : t.entryForm.participation}
                      </li>
                    ))}
                  </ul>
                ) : <span className="muted">{c.noEntries}</span>),
              },
            ]}
          />
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setFilters({ page: String(page) })} />
        </>
      )}
    </>
  );
}
