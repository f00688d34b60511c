import { Link } from 'wouter';
import { Filters, SearchFilter, SelectFilter, yearOptions } from '../../components/filters.js';
import { optionsOf } from '../../components/fields.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import type { Paged, TrainingListItemView, TrainingListQuery, TrainingStatistics, TrainingTopic } from '../../lib/contract.js';
import { formatDate } from '../../lib/format.js';
import { t, trainingTopicLabels } from '../../lib/messages.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';

const PAGE_SIZE = 50;
const FILTERS = ['year', 'branch', 'topic', 'q', 'page'] as const;

/** Staff trained in a year by topic: people, courses, certificates, hours, with the total. */
function TopicStatistics({ year, branch }: { year: number; branch: string }) {
  const { data, error } = useApi<TrainingStatistics>('/trainings/statistics', { year, branch: branch || undefined });
  const s = t.trainingList;
  const c = s.statisticsColumns;
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  if (data.byTopic.length === 0) return <p className="empty">{s.noTraining}</p>;
  type Row = TrainingStatistics['total'] & { topic: TrainingTopic | null };
  const rows: Row[] = [...data.byTopic, { topic: null, ...data.total }];
  return (
    <>
      <div className="narrow">
        <Table
          label={s.statistics(year)}
          rows={rows}
          rowKey={(row) => row.topic ?? 'total'}
          empty={s.noTraining}
          rowClassName={(row) => (row.topic ? undefined : 'row-total')}
          columns={[
            { header: c.topic, cell: (row) => (row.topic ? trainingTopicLabels[row.topic] : s.total) },
            { header: c.people, cell: (row) => row.people, className: 'num' },
            { header: c.courses, cell: (row) => row.courses, className: 'num' },
            { header: c.certificates, cell: (row) => row.certificates, className: 'num' },
            { header: c.hours, cell: (row) => row.hours, className: 'num' },
          ]}
        />
      </div>
      <p className="muted small">{s.totalNote}</p>
    </>
  );
}

/** Courses and certificates of the whole network, by year, branch and topic, with the year's figures by topic. */
export function TrainingsPage() {
  const branches = useAllBranches();
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const query: TrainingListQuery = {
    year: filters.year ? Number(filters.year) : undefined,
    branch: filters.branch ? Number(filters.branch) : undefined,
    topic: (filters.topic || undefined) as TrainingTopic | undefined,
    q: filters.q || undefined,
    page: pageOf(filters.page),
    pageSize: PAGE_SIZE,
  };
  const { data, error, loading } = useApi<Paged<TrainingListItemView>>('/trainings', query);
  const s = t.trainingList;
  const c = s.columns;

  return (
    <>
      <p className="breadcrumbs"><Link href="/staff">{s.back}</Link></p>
      <h1>{s.title}</h1>
      <Filters label={s.filters} onReset={() => setFilters({ year: '', branch: '', topic: '', q: '' })}>
        <SelectFilter label={s.year} value={filters.year} options={[['', s.allYears], ...yearOptions()]} onChange={(year) => setFilters({ year })} />
        <SelectFilter
          label={s.branch}
          value={filters.branch}
          options={[['', s.allBranches], ...branchOptions(branches ?? [])]}
          onChange={(branch) => setFilters({ branch })}
        />
        <SelectFilter
          label={s.topic}
          value={filters.topic}
          options={[['', s.allTopics], ...optionsOf(trainingTopicLabels)]}
          onChange={(topic) => setFilters({ topic })}
        />
        <SearchFilter label={s.search} placeholder={s.searchHint} value={filters.q} onApply={(q) => setFilters({ q })} />
      </Filters>

      <section aria-labelledby="training-statistics">
        <div className="section-title">
          <h2 id="training-statistics">{query.year ? s.statistics(query.year) : s.byTopic}</h2>
        </div>
        {query.year ? <TopicStatistics year={query.year} branch={filters.branch} /> : <p className="muted">{s.chooseYear}</p>}
      </section>

      <section aria-labelledby="training-list">
        <div className="section-title">
          <h2 id="training-list">{s.title}</h2>
          <span className="muted small">{s.addHint}</span>
        </div>
        {error && <ErrorBox error={error} />}
        {!data && loading && <Loading />}
        {data && (
          <>
            <Table
              label={s.title}
              rows={data.items}
              rowKey={(training) => training.id}
              empty={s.none}
              busy={loading}
              columns={[
                {
                  header: c.staff,
                  cell: (training) => (
                    <>
                      <Link href={`/staff/${training.staffMemberId}`}>{training.staffMemberName}</Link>
                      <div className="muted small">{training.branchName}</div>
                    </>
                  ),
                },
                {
                  header: c.course,
                  cell: (training) => (<>{training.course}{training.provider && <div className="muted small">{training.provider}</div>}</>),
                },
                { header: c.topic, cell: (training) => trainingTopicLabels[training.topic] },
                { header: c.hours, cell: (training) => training.hours ?? '', className: 'num' },
                { header: c.finishedOn, cell: (training) => formatDate(training.finishedOn), className: 'nowrap' },
                { header: c.certificate, cell: (training) => training.certificateNumber },
              ]}
            />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setFilters({ page: String(page) })} />
          </>
        )}
      </section>
    </>
  );
}
