import { useState } from 'react';
import { Notice, useDisclosure } from '../../components/Disclosure.js';
import { Filters, SelectFilter, yearOptions } from '../../components/filters.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { Table, type Column } from '../../components/Table.js';
import { api, ApiError } from '../../lib/api.js';
import type { EventPlanBody, Fulfilment, FulfilmentQuery } from '../../lib/contract.js';
import { numberOrNull } from '../../lib/form.js';
import { t } from '../../lib/messages.js';
import { canRecordForBranches } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { useUrlQuery } from '../../lib/url-query.js';
import { EventsNav } from './EventsNav.js';
import { currentYear, dictionaryOptions, useEventDictionaries } from './use-events.js';

type Row = Fulfilment['rows'][number];
type Draft = { plannedEvents: string; plannedAttendance: string };

const percent = (held: number, planned: number | null) => (planned ? `${Math.round((held / planned) * 100)} %` : t.plan.noPlan);
const sum = (rows: Row[], pick: (row: Row) => number | null) => rows.reduce((total, row) => total + (pick(row) ?? 0), 0);

/** A plan cell: an input for those who may set the branch's plan, the figure for the others. */
function PlanInput({ value, label, invalid, onChange }: { value: string; label: string; invalid: boolean; onChange(value: string): void }) {
  return (
    <input
      className="plan-input"
      type="number"
      min={0}
      aria-label={label}
      aria-invalid={invalid || undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export function EventPlanPage() {
  const me = useMe();
  const [filters, setFilters] = useUrlQuery(['year', 'direction'] as const);
  const year = filters.year ? Number(filters.year) : currentYear();
  const direction = filters.direction ? Number(filters.direction) : undefined;
  const query: FulfilmentQuery = { year, direction };
  const { data, error, loading, reload } = useApi<Fulfilment>('/event-plans', query);
  const dictionaries = useEventDictionaries();
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [failures, setFailures] = useState<Record<number, ApiError>>({});
  const saved = useDisclosure();
  const p = t.plan;

  const draftOf = (row: Row): Draft => drafts[row.branchId] ?? {
    plannedEvents: row.plannedEvents === null ? '' : String(row.plannedEvents),
    plannedAttendance: row.plannedAttendance === null ? '' : String(row.plannedAttendance),
  };
  const edit = (row: Row, patch: Partial<Draft>) => setDrafts((previous) => ({ ...previous, [row.branchId]: { ...draftOf(row), ...patch } }));
  const save = async (row: Row) => {
    const draft = draftOf(row);
    const body: EventPlanBody = {
      branchId: row.branchId, year, directionId: direction ?? null,
      plannedEvents: numberOrNull(draft.plannedEvents) ?? 0, plannedAttendance: numberOrNull(draft.plannedAttendance) ?? 0,
    };
    try {
      await api.post('/event-plans', body);
      setFailures(({ [row.branchId]: _done, ...others }) => others);
      setDrafts(({ [row.branchId]: _saved, ...others }) => others);
      saved.done(p.saved(row.branchName));
      reload();
    } catch (failure) {
      setFailures((previous) => ({ ...previous, [row.branchId]: failure instanceof ApiError ? failure : new ApiError(0, t.unexpectedError, String(failure)) }));
    }
  };
  const writable = (row: Row) => canRecordForBranches(me, [row.branchId]);
  const c = p.columns;
  const columns: Column<Row>[] = [
    {
      header: c.branch,
      cell: (row) => (
        <>
          {row.branchName}
          {failures[row.branchId] && <div className="field-error" role="alert">{failures[row.branchId]!.detail}</div>}
        </>
      ),
    },
    {
      header: c.plannedEvents, className: 'num',
      cell: (row) => (writable(row)
        ? <PlanInput value={draftOf(row).plannedEvents} label={p.plannedEventsOf(row.branchName)} invalid={Boolean(failures[row.branchId]?.errorsOf('plannedEvents').length)} onChange={(value) => edit(row, { plannedEvents: value })} />
        : row.plannedEvents ?? p.noPlan),
    },
    { header: c.heldEvents, cell: (row) => row.heldEvents, className: 'num' },
    { header: c.eventsPercent, cell: (row) => percent(row.heldEvents, row.plannedEvents), className: 'num' },
    {
      header: c.plannedAttendance, className: 'num',
      cell: (row) => (writable(row)
        ? <PlanInput value={draftOf(row).plannedAttendance} label={p.plannedAttendanceOf(row.branchName)} invalid={Boolean(failures[row.branchId]?.errorsOf('plannedAttendance').length)} onChange={(value) => edit(row, { plannedAttendance: value })} />
        : row.plannedAttendance?.toLocaleString('ru-RU') ?? p.noPlan),
    },
    { header: c.heldAttendance, cell: (row) => row.heldAttendance.toLocaleString('ru-RU'), className: 'num' },
    { header: c.attendancePercent, cell: (row) => percent(row.heldAttendance, row.plannedAttendance), className: 'num' },
  ];
  const anyWritable = data?.rows.some(writable) ?? false;
  if (anyWritable) {
    columns.push({
      header: <span className="visually-hidden">{c.actions}</span>,
      className: 'row-actions',
      cell: (row) => writable(row) && (
        <button type="button" className="small" disabled={!drafts[row.branchId]} onClick={() => void save(row)} aria-label={`${p.save}: ${row.branchName}`}>{p.save}</button>
      ),
    });
  }
  const rows = data?.rows ?? [];
  const plannedEvents = sum(rows, (row) => row.plannedEvents);
  const plannedAttendance = sum(rows, (row) => row.plannedAttendance);
  const heldEvents = sum(rows, (row) => row.heldEvents);
  const heldAttendance = sum(rows, (row) => row.heldAttendance);

  return (
    <>
      <EventsNav />
      <h1>{p.title}</h1>
      <Filters label={p.filters}>
        <SelectFilter label={p.year} value={String(year)} options={yearOptions()} onChange={(value) => setFilters({ year: value })} />
        <SelectFilter
          label={p.direction}
          value={filters.direction}
          options={[['', p.overall], ...dictionaryOptions(dictionaries?.directions ?? []).map(([value, name]) => [value, p.byDirection(name)] as const)]}
          onChange={(value) => setFilters({ direction: value })}
        />
      </Filters>
      <p className="muted small">{p.hint}</p>
      <Notice message={saved.notice} />
      {error && <ErrorBox error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <Table
          label={p.title}
          rows={data.rows}
          rowKey={(row) => row.branchId}
          empty={p.none}
          busy={loading}
          columns={columns}
          footer={[
            p.total, plannedEvents, heldEvents, percent(heldEvents, plannedEvents),
            plannedAttendance.toLocaleString('ru-RU'), heldAttendance.toLocaleString('ru-RU'), percent(heldAttendance, plannedAttendance),
            ...(anyWritable ? [''] : []),
          ]}
        />
      )}
    </>
  );
}
