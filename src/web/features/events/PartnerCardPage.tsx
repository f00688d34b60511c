import { Details, type DetailRow } from '../../components/Details.js';
import { Link } from 'wouter';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { Filters, SelectFilter, yearOptions } from '../../components/filters.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table } from '../../components/Table.js';
import { api } from '../../lib/api.js';
import type { EventView, Paged, PartnerCard, PartnerView } from '../../lib/contract.js';
import { campaignKindLabels, partnerKindLabels, t } from '../../lib/messages.js';
import { canCompileNetworkRecords, isAdmin } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { EventsNav } from './EventsNav.js';
import { EventTable } from './EventTable.js';
import { PartnerForm, partnerValues } from './PartnerForm.js';

const PAGE_SIZE = 20;

/** The partner's joint events, a year at a time if the user wishes (they can be many over the years). */
function JointEvents({ partnerId }: { partnerId: number }) {
  const [filters, setFilters] = useUrlQuery(['year', 'page'] as const);
  const query = { partner: partnerId, year: filters.year ? Number(filters.year) : undefined, page: pageOf(filters.page), pageSize: PAGE_SIZE };
  const { data, error, loading } = useApi<Paged<EventView>>('/events', query);
  return (
    <>
      <Filters label={t.partners.events}>
        <SelectFilter label={t.events.year} value={filters.year} options={[['', t.events.allYears], ...yearOptions()]} onChange={(year) => setFilters({ year })} />
      </Filters>
      {error && <ErrorBox error={error} />}
      {data ? (
        <>
          <EventTable events={data.items} busy={loading} />
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setFilters({ page: String(page) })} />
        </>
      ) : <Loading />}
    </>
  );
}

export function PartnerCardPage({ id }: { id: number }) {
  const me = useMe();
  const { data: partner, error, loading, reload } = useApi<PartnerCard>(`/partners/${id}`);
  const editing = useDisclosure();
  const p = t.partners;

  if (error) return <><EventsNav /><ErrorBox error={error} /></>;
  if (!partner || (loading && partner.id !== id)) return <Loading />;
  const details: DetailRow[] = [
    [t.partnerForm.kind, partnerKindLabels[partner.kind]],
    [t.partnerForm.settlement, partner.settlement],
    [t.partnerForm.contacts, partner.contacts],
    [t.partnerForm.note, partner.note],
  ];

  return (
    <>
      <EventsNav />
      <p className="breadcrumbs"><Link href="/events/partners">{p.back}</Link></p>
      <div className="page-title">
        <h1>{partner.name}</h1>
        {isAdmin(me) && <Link href={`/audit?entity=partner&entityId=${partner.id}`} className="small">{t.audit.title}</Link>}
      </div>
      <section aria-labelledby="partner-details">
        <div className="section-title">
          <h2 id="partner-details">{p.details}</h2>
          {canCompileNetworkRecords(me) && !editing.open && <button type="button" onClick={editing.show}>{t.edit}</button>}
        </div>
        <Notice message={editing.notice} />
        {editing.open ? (
          <PartnerForm
            initial={partnerValues(partner)}
            label={t.partnerForm.editTitle}
            submitLabel={t.save}
            onCancel={editing.close}
            send={async (body) => {
              await api.patch<PartnerView>(`/partners/${partner.id}`, body);
              editing.done(t.partnerForm.saved);
              reload();
              return undefined;
            }}
          />
        ) : (
          <Details rows={details} />
        )}
      </section>
      <section aria-labelledby="partner-projects">
        <div className="section-title"><h2 id="partner-projects">{p.projects}</h2></div>
        <Table
          label={p.projects}
          rows={partner.projects}
          rowKey={(project) => project.id}
          empty={p.noProjects}
          columns={[
            { header: p.projectColumns.name, cell: (project) => <Link href={`/events/campaigns/${project.id}`}>{project.name}</Link> },
            { header: p.projectColumns.kind, cell: (project) => campaignKindLabels[project.kind] },
            { header: p.projectColumns.year, cell: (project) => project.year, className: 'num' },
            { header: p.projectColumns.events, cell: (project) => project.eventCount, className: 'num' },
          ]}
        />
      </section>
      <section aria-labelledby="partner-events">
        <div className="section-title"><h2 id="partner-events">{p.events} ({partner.eventCount})</h2></div>
        <JointEvents partnerId={partner.id} />
      </section>
    </>
  );
}
