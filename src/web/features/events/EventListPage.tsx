import { ButtonLink } from '../../components/ButtonLink.js';
import { Filters, SearchFilter, SelectFilter, yearOptions } from '../../components/filters.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import type { EventListQuery, EventView, Paged } from '../../lib/contract.js';
import { t } from '../../lib/messages.js';
import { canRecordForBranches } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { EventCalendar } from './EventCalendar.js';
import { EventsNav } from './EventsNav.js';
import { EventTable } from './EventTable.js';
import { currentYear, dictionaryOptions, referenceOptions, useCampaigns, useEventDictionaries } from './use-events.js';

const PAGE_SIZE = 50;
/** A month of the whole network fits one request (the calendar says so when it does not). */
const CALENDAR_SIZE = 500;
const FILTERS = ['view', 'year', 'month', 'branch', 'form', 'direction', 'campaign', 'q', 'page'] as const;

const number = (value: string) => (value ? Number(value) : undefined);

export function EventListPage() {
  const me = useMe();
  const [filters, setFilters] = useUrlQuery(FILTERS);
  const branches = useAllBranches();
  const dictionaries = useEventDictionaries();
  const calendar = filters.view === 'calendar';
  // The calendar always shows one month: this one unless the link says otherwise.
  const now = new Date();
  const year = number(filters.year) ?? (calendar ? currentYear() : undefined);
  const month = number(filters.month) ?? (calendar ? now.getMonth() + 1 : undefined);
  const campaigns = useCampaigns(year);
  const query: EventListQuery = {
    year, month: year === undefined ? undefined : month,
    branch: number(filters.branch), form: number(filters.form), direction: number(filters.direction), campaign: number(filters.campaign),
    q: filters.q || undefined,
    page: calendar ? 1 : pageOf(filters.page), pageSize: calendar ? CALENDAR_SIZE : PAGE_SIZE,
  };
  const { data, error, loading } = useApi<Paged<EventView>>('/events', query);
  const e = t.events;
  // Anyone who may record events for some branch: their own branches are «some branch».
  const canAdd = canRecordForBranches(me, me.branchIds);

  const moveMonth = (step: number) => {
    const index = (year ?? currentYear()) * 12 + (month ?? 1) - 1 + step;
    setFilters({ year: String(Math.floor(index / 12)), month: String((index % 12) + 1) });
  };

  return (
    <>
      <EventsNav />
      <div className="page-title">
        <h1>{e.title}</h1>
        <span className="view-switch" role="group" aria-label={e.views.label}>
          <button type="button" aria-pressed={!calendar} onClick={() => setFilters({ view: '' })}>{e.views.list}</button>
          <button type="button" aria-pressed={calendar} onClick={() => setFilters({ view: 'calendar' })}>{e.views.calendar}</button>
        </span>
        {canAdd && <ButtonLink href="/events/new" primary>{e.add}</ButtonLink>}
      </div>
      <Filters label={e.filters} onReset={() => setFilters({ year: '', month: '', branch: '', form: '', direction: '', campaign: '', q: '' })}>
        <SearchFilter label={e.search} placeholder={e.searchHint} value={filters.q} onApply={(q) => setFilters({ q })} />
        <SelectFilter
          label={e.year}
          value={year === undefined ? '' : String(year)}
          options={calendar ? yearOptions() : [['', e.allYears], ...yearOptions()]}
          onChange={(value) => setFilters({ year: value, campaign: '' })}
        />
        <SelectFilter
          label={e.month}
          value={month === undefined || year === undefined ? '' : String(month)}
          options={[...(calendar ? [] : [['', e.allMonths] as const]), ...e.months.map((name, index) => [String(index + 1), name] as const)]}
          onChange={(value) => setFilters({ month: value, ...(year === undefined ? { year: String(currentYear()) } : {}) })}
        />
        <SelectFilter label={e.branch} value={filters.branch} options={[['', e.allBranches], ...branchOptions(branches ?? [])]} onChange={(branch) => setFilters({ branch })} />
        <SelectFilter label={e.form} value={filters.form} options={[['', e.allForms], ...dictionaryOptions(dictionaries?.forms ?? [])]} onChange={(form) => setFilters({ form })} />
        <SelectFilter
          label={e.direction}
          value={filters.direction}
          options={[['', e.allDirections], ...dictionaryOptions(dictionaries?.directions ?? [])]}
          onChange={(direction) => setFilters({ direction })}
        />
        <SelectFilter label={e.campaign} value={filters.campaign} options={[['', e.allCampaigns], ...referenceOptions(campaigns ?? [])]} onChange={(campaign) => setFilters({ campaign })} />
      </Filters>
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && calendar && year !== undefined && month !== undefined && (
        <>
          <div className="month-nav">
            <button type="button" onClick={() => moveMonth(-1)}>{e.previousMonth}</button>
            <h2>{e.monthTitle(month, year)}</h2>
            <button type="button" onClick={() => moveMonth(1)}>{e.nextMonth}</button>
            {data.total > data.items.length && <span className="notice notice-error">{e.calendarLimit(data.items.length, data.total)}</span>}
          </div>
          <EventCalendar year={year} month={month} events={data.items} />
        </>
      )}
      {data && !calendar && (
        <>
          <EventTable events={data.items} busy={loading} />
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setFilters({ page: String(page) })} />
        </>
      )}
    </>
  );
}
