import { Link, useLocation } from 'wouter';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { Filters, SearchFilter, SelectFilter, yearOptions } from '../../components/filters.js';
import { optionsOf } from '../../components/fields.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import { api } from '../../lib/api.js';
import type { CampaignKind, CampaignLevel, CampaignListQuery, CampaignView, Paged } from '../../lib/contract.js';
import { useFlash } from '../../lib/flash.js';
import { campaignKindLabels, competitionLevelLabels, t } from '../../lib/messages.js';
import { canCompileNetworkRecords } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { CampaignForm, campaignValues } from './CampaignForm.js';
import { EventsNav } from './EventsNav.js';

const PAGE_SIZE = 50;
const FILTERS = ['q', 'year', 'level', 'kind', 'branch', 'page'] as const;

export function CampaignListPage() {
  const me = useMe();
  const [, navigate] = useLocation();
  const flash = useFlash();
  const branches = useAllBranches();
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const adding = useDisclosure();
  const query: CampaignListQuery = {
    q: filters.q || undefined,
    year: filters.year ? Number(filters.year) : undefined,
    level: (filters.level || undefined) as CampaignLevel | undefined,
    kind: (filters.kind || undefined) as CampaignKind | undefined,
    branch: filters.branch ? Number(filters.branch) : undefined,
    page: pageOf(filters.page),
    pageSize: PAGE_SIZE,
  };
  const { data, error, loading } = useApi<Paged<CampaignView>>('/campaigns', query);
  const c = t.campaigns;

  return (
    <>
      <EventsNav />
      <div className="page-title">
        <h1>{c.title}</h1>
        {canCompileNetworkRecords(me) && !adding.open && <button type="button" className="primary" onClick={adding.show}>{c.add}</button>}
      </div>
      <Notice message={adding.notice} />
      {adding.open && (
        <CampaignForm
          initial={campaignValues()}
          label={t.campaignForm.createTitle}
          submitLabel={t.campaignForm.submitCreate}
          onCancel={adding.close}
          send={async (body) => {
            const campaign = await api.post<CampaignView>('/campaigns', body);
            flash(t.campaignForm.created(campaign.name), `/events/campaigns/${campaign.id}`);
            navigate(`/events/campaigns/${campaign.id}`);
            return undefined;
          }}
        />
      )}
      <Filters label={c.filters} onReset={() => setFilters({ q: '', year: '', level: '', kind: '', branch: '' })}>
        <SearchFilter label={c.search} placeholder={c.searchHint} value={filters.q} onApply={(q) => setFilters({ q })} />
        <SelectFilter label={t.events.year} value={filters.year} options={[['', t.events.allYears], ...yearOptions()]} onChange={(year) => setFilters({ year })} />
        <SelectFilter label={c.kind} value={filters.kind} options={[['', c.allKinds], ...optionsOf(campaignKindLabels)]} onChange={(kind) => setFilters({ kind })} />
        <SelectFilter label={c.level} value={filters.level} options={[['', c.allLevels], ...optionsOf(competitionLevelLabels)]} onChange={(level) => setFilters({ level })} />
        <SelectFilter label={c.branch} value={filters.branch} options={[['', t.events.allBranches], ...branchOptions(branches ?? [])]} onChange={(branch) => setFilters({ branch })} />
      </Filters>
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <>
          <Table
            label={c.title}
            rows={data.items}
            rowKey={(campaign) => campaign.id}
            empty={c.none}
            busy={loading}
            columns={[
              { header: c.columns.name, cell: (campaign) => <Link href={`/events/campaigns/${campaign.id}`}>{campaign.name}</Link> },
              { header: c.columns.kind, cell: (campaign) => campaignKindLabels[campaign.kind] },
              { header: c.columns.year, cell: (campaign) => campaign.year, className: 'num' },
              { header: c.columns.level, cell: (campaign) => competitionLevelLabels[campaign.level] },
              { header: c.columns.branches, cell: (campaign) => campaign.branchCount, className: 'num' },
              { header: c.columns.events, cell: (campaign) => campaign.eventCount, className: 'num' },
              { header: c.columns.attendance, cell: (campaign) => campaign.attendance.toLocaleString('ru-RU'), className: 'num' },
            ]}
          />
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setFilters({ page: String(page) })} />
        </>
      )}
    </>
  );
}
