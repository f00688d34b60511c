import { Link, useLocation } from 'wouter';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { Filters, SearchFilter, SelectFilter, yearOptions } from '../../components/filters.js';
import { optionsOf } from '../../components/fields.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import { api } from '../../lib/api.js';
import type { Paged, PartnerKind, PartnerListQuery, PartnerView } from '../../lib/contract.js';
import { useFlash } from '../../lib/flash.js';
import { partnerKindLabels, t } from '../../lib/messages.js';
import { canCompileNetworkRecords } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { EventsNav } from './EventsNav.js';
import { PartnerForm, partnerValues } from './PartnerForm.js';

const PAGE_SIZE = 50;
const FILTERS = ['q', 'kind', 'year', 'branch', 'page'] as const;

export function PartnerListPage() {
  const me = useMe();
  const [, navigate] = useLocation();
  const flash = useFlash();
  const branches = useAllBranches();
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const adding = useDisclosure();
  const query: PartnerListQuery = {
    q: filters.q || undefined,
    kind: (filters.kind || undefined) as PartnerKind | undefined,
    year: filters.year ? Number(filters.year) : undefined,
    branch: filters.branch ? Number(filters.branch) : undefined,
    page: pageOf(filters.page),
    pageSize: PAGE_SIZE,
  };
  const { data, error, loading } = useApi<Paged<PartnerView>>('/partners', query);
  const p = t.partners;

  return (
    <>
      <EventsNav />
      <div className="page-title">
        <h1>{p.title}</h1>
        {canCompileNetworkRecords(me) && !adding.open && <button type="button" className="primary" onClick={adding.show}>{p.add}</button>}
      </div>
      <Notice message={adding.notice} />
      {adding.open && (
        <PartnerForm
          initial={partnerValues()}
          label={t.partnerForm.createTitle}
          submitLabel={t.partnerForm.submitCreate}
          onCancel={adding.close}
          send={async (body) => {
            const partner = await api.post<PartnerView>('/partners', body);
            flash(t.partnerForm.created(partner.name), `/events/partners/${partner.id}`);
            navigate(`/events/partners/${partner.id}`);
            return undefined;
          }}
        />
      )}
      <Filters label={p.filters} onReset={() => setFilters({ q: '', kind: '', year: '', branch: '' })}>
        <SearchFilter label={p.search} placeholder={p.searchHint} value={filters.q} onApply={(q) => setFilters({ q })} />
        <SelectFilter label={p.kind} value={filters.kind} options={[['', p.allKinds], ...optionsOf(partnerKindLabels)]} onChange={(kind) => setFilters({ kind })} />
        <SelectFilter label={p.year} value={filters.year} options={[['', t.events.allYears], ...yearOptions()]} onChange={(year) => setFilters({ year })} />
        <SelectFilter label={p.branch} value={filters.branch} options={[['', t.events.allBranches], ...branchOptions(branches ?? [])]} onChange={(branch) => setFilters({ branch })} />
      </Filters>
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <>
          <Table
            label={p.title}
            rows={data.items}
            rowKey={(partner) => partner.id}
            empty={p.none}
            busy={loading}
            columns={[
              { header: p.columns.name, cell: (partner) => <Link href={`/events/partners/${partner.id}`}>{partner.name}</Link> },
              { header: p.columns.kind, cell: (partner) => partnerKindLabels[partner.kind] },
              { header: p.columns.settlement, cell: (partner) => partner.settlement },
              { header: p.columns.events, cell: (partner) => partner.eventCount, className: 'num' },
            ]}
          />
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setFilters({ page: String(page) })} />
        </>
      )}
    </>
  );
}
