import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import { hasChanges } from '../../db/changes.js';
import { branchExistedInYear } from '../network/index.js';
import type {
  CampaignKind, CampaignLevel, CampaignsTable, DB, EventDirectionsTable, EventFormsTable, EventPlansTable, EventsTable, PartnersTable,
} from '../../db/schema.js';

type Db = Kysely<DB>;

interface Reference {
  id: number;
  name: string;
}

export type EventRow = Selectable<EventsTable> & {
  form_name: string;
  form_counts_documents: boolean;
  campaign_name: string | null;
  branches: Reference[];
  directions: Reference[];
  partners: Reference[];
};

/** The first and the last day of a year or of one of its months. */
export function periodOf(year: number, month?: number): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (month === undefined) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay)}` };
}

/**
 * Which events a list shows. Dates select the events going on at some time in the year (month)
 * and in [from, to]: a list shows an exhibition in every month it runs.
 */
export interface EventFilter {
  year?: number;
  month?: number;
  from?: string;
  to?: string;
  branch?: number;
  form?: number;
  direction?: number;
  campaign?: number;
  partner?: number;
  audience?: EventsTable['audience'];
  q?: string;
}

type EventQuery = SelectQueryBuilder<DB & { e: EventsTable }, 'e', object>;

const linked = (table: 'event_branches' | 'event_direction_links' | 'event_partners', column: 'branch_id' | 'direction_id' | 'partner_id', value: number) =>
  sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(table)} l WHERE l.event_id = e.id AND ${sql.ref(`l.${column}`)} = ${value})`;

function filterEvents(query: EventQuery, networkId: number, filter: EventFilter): EventQuery {
  let q = query.where('e.network_id', '=', networkId);
  if (filter.year !== undefined) {
    const period = periodOf(filter.year, filter.month);
    q = q.where(sql<boolean>`coalesce(e.ends_on, e.starts_on) >= ${period.from}::date`).where('e.starts_on', '<=', period.to);
  }
  if (filter.from) q = q.where(sql<boolean>`coalesce(e.ends_on, e.starts_on) >= ${filter.from}::date`);
  if (filter.to) q = q.where('e.starts_on', '<=', filter.to);
  if (filter.branch) q = q.where(linked('event_branches', 'branch_id', filter.branch));
  if (filter.direction) q = q.where(linked('event_direction_links', 'direction_id', filter.direction));
  if (filter.partner) q = q.where(linked('event_partners', 'partner_id', filter.partner));
  if (filter.form) q = q.where('e.form_id', '=', filter.form);
  if (filter.campaign) q = q.where('e.campaign_id', '=', filter.campaign);
  if (filter.audience) q = q.where('e.audience', '=', filter.audience);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('e.title', 'ilike', pattern), eb('e.description', 'ilike', pattern), eb('e.place', 'ilike', pattern)]));
  }
  return q;
}

/** A JSON array of {id, name} of an event's linked rows, in name order. */
const references = (link: 'event_branches' | 'event_direction_links' | 'event_partners', target: 'branches' | 'event_directions' | 'partners', column: string) =>
  sql<Reference[]>`coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name)
    FROM ${sql.table(link)} l JOIN ${sql.table(target)} t ON t.id = ${sql.ref(`l.${column}`)} WHERE l.event_id = e.id), '[]'::json)`;

function selectEventRows(query: EventQuery) {
  return query
    .innerJoin('event_forms as f', 'f.id', 'e.form_id')
    .leftJoin('campaigns as c', 'c.id', 'e.campaign_id')
    .selectAll('e')
    .select([
      'f.name as form_name',
      'f.counts_documents as form_counts_documents',
      'c.name as campaign_name',
      references('event_branches', 'branches', 'branch_id').as('branches'),
      references('event_direction_links', 'event_directions', 'direction_id').as('directions'),
      references('event_partners', 'partners', 'partner_id').as('partners'),
    ]);
}

export async function listEvents(db: Db, networkId: number, filter: EventFilter & { page: number; pageSize: number }) {
  const query = filterEvents(db.selectFrom('events as e'), networkId, filter);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await selectEventRows(query)
    .orderBy('e.starts_on').orderBy(sql`e.starts_at NULLS FIRST`).orderBy('e.id')
    .limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), rows: rows as EventRow[] };
}

export async function findEvents(db: Db, networkId: number, ids: number[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectEventRows(db.selectFrom('events as e').where('e.network_id', '=', networkId).where('e.id', 'in', ids))
    .orderBy('e.id').execute();
  return rows as EventRow[];
}

export async function findEvent(db: Db, networkId: number, id: number): Promise<EventRow | undefined> {
  return (await findEvents(db, networkId, [id]))[0];
}

/** Inserts events in one statement; the ids come back in the order of the rows. */
export async function insertEvents(db: Db, rows: Insertable<EventsTable>[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insertInto('events').values(rows).returning('id').execute();
  return inserted.map((row) => row.id);
}

export async function updateEventRow(db: Db, id: number, values: Updateable<EventsTable>): Promise<void> {
  await db.updateTable('events').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function deleteEventRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('events').where('id', '=', id).execute();
}

export interface EventLinks {
  branchIds: number[];
  directionIds: number[];
  partnerIds: number[];
}

/** Links events to their branches, directions and partners, each kind in one statement. */
export async function insertEventLinks(db: Db, networkId: number, links: (EventLinks & { eventId: number })[]): Promise<void> {
  const rows = <K extends string>(pick: (link: EventLinks) => number[], column: K) =>
    links.flatMap((link) => pick(link).map((value) => ({ network_id: networkId, event_id: link.eventId, [column]: value }) as
      { network_id: number; event_id: number } & Record<K, number>));
  const branches = rows((link) => link.branchIds, 'branch_id');
  const directions = rows((link) => link.directionIds, 'direction_id');
  const partners = rows((link) => link.partnerIds, 'partner_id');
  if (branches.length) await db.insertInto('event_branches').values(branches).execute();
  if (directions.length) await db.insertInto('event_direction_links').values(directions).execute();
  if (partners.length) await db.insertInto('event_partners').values(partners).execute();
}

export async function deleteEventLinks(db: Db, eventId: number): Promise<void> {
  await db.deleteFrom('event_branches').where('event_id', '=', eventId).execute();
  await db.deleteFrom('event_direction_links').where('event_id', '=', eventId).execute();
  await db.deleteFrom('event_partners').where('event_id', '=', eventId).execute();
}

/** What an event may refer to, for checking a batch of events with a few queries. */
export interface EventReferences {
  branches: Map<number, string>;
  forms: Map<number, Selectable<EventFormsTable>>;
  directions: Map<number, Selectable<EventDirectionsTable>>;
  partners: Set<number>;
  campaigns: Map<number, Selectable<CampaignsTable>>;
}

export async function loadEventReferences(db: Db, networkId: number, wanted: {
  branchIds: number[]; formIds: number[]; directionIds: number[]; partnerIds: number[]; campaignIds: number[];
}): Promise<EventReferences> {
  // `IN ()` is not SQL: an empty list asks for id 0, which no row has.
  const some = (values: number[]) => (values.length ? [...new Set(values)] : [0]);
  const [branches, forms, directions, partners, campaigns] = await Promise.all([
    db.selectFrom('branches').select(['id', 'name']).where('network_id', '=', networkId).where('id', 'in', some(wanted.branchIds)).execute(),
    db.selectFrom('event_forms').selectAll().where('network_id', '=', networkId).where('id', 'in', some(wanted.formIds)).execute(),
    db.selectFrom('event_directions').selectAll().where('network_id', '=', networkId).where('id', 'in', some(wanted.directionIds)).execute(),
    db.selectFrom('partners').select('id').where('network_id', '=', networkId).where('id', 'in', some(wanted.partnerIds)).execute(),
    db.selectFrom('campaigns').selectAll().where('network_id', '=', networkId).where('id', 'in', some(wanted.campaignIds)).execute(),
  ]);
  return {
    branches: new Map(branches.map((row) => [row.id, row.name])),
    forms: new Map(forms.map((row) => [row.id, row])),
    directions: new Map(directions.map((row) => [row.id, row])),
    partners: new Set(partners.map((row) => row.id)),
    campaigns: new Map(campaigns.map((row) => [row.id, row])),
  };
}

// Dictionaries. Forms and directions have the same shape; forms add counts_documents.

export type DictionaryTable = 'event_forms' | 'event_directions';
export type DictionaryRow = Selectable<EventDirectionsTable> & { counts_documents?: boolean };

export async function listDictionary(db: Db, table: DictionaryTable, networkId: number): Promise<DictionaryRow[]> {
  return db.selectFrom(table).selectAll().where('network_id', '=', networkId)
    .orderBy('is_active', 'desc').orderBy('id').execute() as Promise<DictionaryRow[]>;
}

export async function findDictionaryEntry(db: Db, table: DictionaryTable, networkId: number, id: number): Promise<DictionaryRow | undefined> {
  return db.selectFrom(table).selectAll().where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst() as Promise<DictionaryRow | undefined>;
}

export async function findDictionaryCodes(db: Db, table: DictionaryTable, networkId: number): Promise<Set<string>> {
  const rows = await db.selectFrom(table).select('code').where('network_id', '=', networkId).execute();
  return new Set(rows.map((row) => row.code));
}

export async function insertDictionaryEntries(
  db: Db, table: DictionaryTable, rows: { network_id: number; code: string; name: string; counts_documents?: boolean }[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  // Only forms have counts_documents; the rows of a directions insert never carry it.
  const inserted = await db.insertInto(table as 'event_forms').values(rows).returning('id').execute();
  return inserted.map((row) => row.id);
}

export async function updateDictionaryRow(
  db: Db, table: DictionaryTable, id: number, values: { name?: string; is_active?: boolean; counts_documents?: boolean },
): Promise<void> {
  if (!hasChanges(values)) return;
  await db.updateTable(table as 'event_forms').set(values).where('id', '=', id).execute();
}

// Partners.

/** Joint events of a partner, within the year and branch of a filter. */
const jointEvents = (year: number | undefined, branch: number | undefined) => (eb: ExpressionBuilder<DB & { p: PartnersTable }, 'p'>) =>
  eb.selectFrom('event_partners as ep')
    .innerJoin('events as e', 'e.id', 'ep.event_id')
    .whereRef('ep.partner_id', '=', 'p.id')
    .$if(year !== undefined, (q) => q.where(sql<boolean>`extract(year FROM e.starts_on) = ${year}`))
    .$if(branch !== undefined, (q) => q.where(linked('event_branches', 'branch_id', branch!)));

export type PartnerRow = Selectable<PartnersTable> & { event_count: number };

export async function listPartners(db: Db, networkId: number, filter: {
  year?: number; branch?: number; kind?: PartnersTable['kind']; q?: string; page: number; pageSize: number;
}) {
  let query = db.selectFrom('partners as p').where('p.network_id', '=', networkId);
  if (filter.year !== undefined || filter.branch !== undefined) {
    query = query.where((eb) => eb.exists(jointEvents(filter.year, filter.branch)(eb).select(sql`1`.as('one'))));
  }
  if (filter.kind) query = query.where('p.kind', '=', filter.kind);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('p.settlement', 'ilike', pattern)]));
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('p')
    .select((eb) => jointEvents(filter.year, filter.branch)(eb).select(sql<number>`count(*)::int`.as('n')).as('event_count'))
    .orderBy('p.name').orderBy('p.id')
    .limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), rows: rows as PartnerRow[] };
}

export async function findPartner(db: Db, networkId: number, id: number): Promise<PartnerRow | undefined> {
  const row = await db.selectFrom('partners as p').selectAll('p')
    .select((eb) => jointEvents(undefined, undefined)(eb).select(sql<number>`count(*)::int`.as('n')).as('event_count'))
    .where('p.network_id', '=', networkId).where('p.id', '=', id).executeTakeFirst();
  return row as PartnerRow | undefined;
}

export async function findPartnerIdByName(db: Db, networkId: number, name: string): Promise<number | undefined> {
  const row = await db.selectFrom('partners').select('id').where('network_id', '=', networkId)
    .where(sql<boolean>`lower(name) = lower(${name})`).executeTakeFirst();
  return row?.id;
}

/** The campaigns and projects a partner's joint events belonged to. */
export async function listPartnerProjects(db: Db, partnerId: number) {
  return db.selectFrom('event_partners as ep')
    .innerJoin('events as e', 'e.id', 'ep.event_id')
    .innerJoin('campaigns as c', 'c.id', 'e.campaign_id')
    .where('ep.partner_id', '=', partnerId)
    .groupBy(['c.id', 'c.name', 'c.kind', 'c.year'])
    .select(['c.id', 'c.name', 'c.kind', 'c.year', sql<number>`count(*)::int`.as('event_count')])
    .orderBy('c.year', 'desc').orderBy('c.name')
    .execute();
}

export async function insertPartner(db: Db, values: Insertable<PartnersTable>): Promise<number> {
  const { id } = await db.insertInto('partners').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updatePartnerRow(db: Db, id: number, values: Updateable<PartnersTable>): Promise<void> {
  await db.updateTable('partners').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

// Campaigns and projects.

/**
 * The branches taking part in a campaign: those whose participation is recorded and those
 * organising its events.
 */
const campaignBranches = sql`(SELECT cp.branch_id FROM campaign_participations cp WHERE cp.campaign_id = c.id
  UNION SELECT eb.branch_id FROM events ev JOIN event_branches eb ON eb.event_id = ev.id WHERE ev.campaign_id = c.id)`;

export type CampaignRow = Selectable<CampaignsTable> & { branch_count: number; event_count: number; attendance: number };

const campaignFigures = [
  sql<number>`(SELECT count(*)::int FROM ${campaignBranches} AS cb)`.as('branch_count'),
  sql<number>`(SELECT count(*)::int FROM events ev WHERE ev.campaign_id = c.id)`.as('event_count'),
  sql<number>`(SELECT coalesce(sum(ev.attendance_total), 0)::int FROM events ev WHERE ev.campaign_id = c.id)`.as('attendance'),
] as const;

export async function listCampaigns(db: Db, networkId: number, filter: {
  year?: number; branch?: number; level?: CampaignLevel; kind?: CampaignKind; q?: string; page: number; pageSize: number;
}) {
  let query = db.selectFrom('campaigns as c').where('c.network_id', '=', networkId);
  if (filter.year !== undefined) query = query.where('c.year', '=', filter.year);
  if (filter.branch !== undefined) query = query.where(sql<boolean>`${filter.branch} IN ${campaignBranches}`);
  if (filter.level) query = query.where('c.level', '=', filter.level);
  if (filter.kind) query = query.where('c.kind', '=', filter.kind);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('c.name', 'ilike', pattern), eb('c.organiser', 'ilike', pattern)]));
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('c').select(campaignFigures)
    .orderBy('c.year', 'desc').orderBy('c.name').orderBy('c.id')
    .limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), rows: rows as CampaignRow[] };
}

export async function findCampaign(db: Db, networkId: number, id: number): Promise<CampaignRow | undefined> {
  const row = await db.selectFrom('campaigns as c').selectAll('c').select(campaignFigures)
    .where('c.network_id', '=', networkId).where('c.id', '=', id).executeTakeFirst();
  return row as CampaignRow | undefined;
}

export async function findCampaignIdByName(db: Db, networkId: number, year: number, name: string): Promise<number | undefined> {
  const row = await db.selectFrom('campaigns').select('id').where('network_id', '=', networkId).where('year', '=', year)
    .where(sql<boolean>`lower(name) = lower(${name})`).executeTakeFirst();
  return row?.id;
}

/** The start years of a campaign's events (a campaign's year must agree with them). */
export async function listCampaignEventYears(db: Db, campaignId: number): Promise<number[]> {
  const rows = await db.selectFrom('events').where('campaign_id', '=', campaignId)
    .select(sql<number>`extract(year FROM starts_on)::int`.as('year')).distinct().execute();
  return rows.map((row) => row.year);
}

/** The card's branches with their events in the campaign, in one query. */
export async function listCampaignBranches(db: Db, campaignId: number) {
  const rows = await sql<{
    id: number; name: string; declared: boolean; note: string;
    events: { id: number; title: string; startsOn: string; attendance: number | null }[];
  }>`SELECT b.id, b.name, (cp.branch_id IS NOT NULL) AS declared, coalesce(cp.note, '') AS note,
      coalesce((SELECT json_agg(json_build_object('id', ev.id, 'title', ev.title, 'startsOn', ev.starts_on, 'attendance', ev.attendance_total)
          ORDER BY ev.starts_on, ev.id)
        FROM events ev JOIN event_branches eb ON eb.event_id = ev.id
        WHERE ev.campaign_id = c.id AND eb.branch_id = b.id), '[]'::json) AS events
    FROM campaigns c
    JOIN branches b ON b.id IN ${campaignBranches}
    LEFT JOIN campaign_participations cp ON cp.campaign_id = c.id AND cp.branch_id = b.id
    WHERE c.id = ${campaignId}
    ORDER BY CASE b.type WHEN 'central' THEN 0 WHEN 'children' THEN 1 ELSE 2 END, b.name`.execute(db);
  return rows.rows;
}

export async function insertCampaign(db: Db, values: Insertable<CampaignsTable>): Promise<number> {
  const { id } = await db.insertInto('campaigns').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateCampaignRow(db: Db, id: number, values: Updateable<CampaignsTable>): Promise<void> {
  await db.updateTable('campaigns').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function findParticipation(db: Db, campaignId: number, branchId: number) {
  return db.selectFrom('campaign_participations').selectAll()
    .where('campaign_id', '=', campaignId).where('branch_id', '=', branchId).executeTakeFirst();
}

export async function upsertParticipation(db: Db, values: { network_id: number; campaign_id: number; branch_id: number; note: string }) {
  await db.insertInto('campaign_participations').values(values)
    .onConflict((oc) => oc.columns(['campaign_id', 'branch_id']).doUpdateSet({ note: values.note }))
    .execute();
}

export async function deleteParticipation(db: Db, campaignId: number, branchId: number): Promise<void> {
  await db.deleteFrom('campaign_participations').where('campaign_id', '=', campaignId).where('branch_id', '=', branchId).execute();
}

// Annual plans.

export async function findPlan(db: Db, networkId: number, key: { branchId: number; year: number; directionId: number | null }) {
  return db.selectFrom('event_plans').selectAll()
    .where('network_id', '=', networkId).where('branch_id', '=', key.branchId).where('year', '=', key.year)
    .where('direction_id', key.directionId === null ? 'is' : '=', key.directionId)
    .executeTakeFirst();
}

export async function insertPlan(db: Db, values: Insertable<EventPlansTable>): Promise<number> {
  const { id } = await db.insertInto('event_plans').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updatePlanRow(db: Db, id: number, values: { planned_events: number; planned_attendance: number }): Promise<void> {
  await db.updateTable('event_plans').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

/**
 * Planned against held for every branch that existed in the year: the plan (overall, or for
 * one direction) and the events the branch organised that started in the year and have their
 * attendance recorded. A joint event counts for each of its organisers.
 */
export async function computeFulfilment(db: Db, networkId: number, filter: { year: number; branch?: number; direction?: number }) {
  const { from, to } = periodOf(filter.year);
  const direction = filter.direction ?? null;
  const rows = await sql<{
    branch_id: number; branch_name: string; planned_events: number | null; planned_attendance: number | null;
    held_events: number; held_attendance: number;
  }>`SELECT b.id AS branch_id, b.name AS branch_name, p.planned_events, p.planned_attendance,
      coalesce(h.held_events, 0)::int AS held_events, coalesce(h.held_attendance, 0)::int AS held_attendance
    FROM branches b
    LEFT JOIN event_plans p ON p.branch_id = b.id AND p.year = ${filter.year} AND p.direction_id IS NOT DISTINCT FROM ${direction}::bigint
    LEFT JOIN (
      SELECT eb.branch_id, count(*) AS held_events, sum(e.attendance_total) AS held_attendance
      FROM events e JOIN event_branches eb ON eb.event_id = e.id
      WHERE e.network_id = ${networkId} AND e.attendance_total IS NOT NULL
        AND e.starts_on BETWEEN ${from}::date AND ${to}::date
        AND (${direction}::bigint IS NULL OR EXISTS (SELECT 1 FROM event_direction_links l WHERE l.event_id = e.id AND l.direction_id = ${direction}::bigint))
      GROUP BY eb.branch_id
    ) h ON h.branch_id = b.id
    WHERE b.network_id = ${networkId} AND ${branchExistedInYear(filter.year)}
      AND (${filter.branch ?? null}::bigint IS NULL OR b.id = ${filter.branch ?? null}::bigint)
    ORDER BY CASE b.type WHEN 'central' THEN 0 WHEN 'children' THEN 1 ELSE 2 END, b.name`.execute(db);
  return rows.rows;
}

// Statistics.

export type StatisticsGroup = 'direction' | 'form' | 'audience' | 'branch';

const figureColumns = sql`count(*)::int AS events,
  count(e.attendance_total)::int AS held_events,
  coalesce(sum(e.attendance_total), 0)::int AS total,
  coalesce(sum(e.attendance_children), 0)::int AS children,
  coalesce(sum(e.attendance_youth), 0)::int AS youth,
  coalesce(sum(e.attendance_adults), 0)::int AS adults,
  coalesce(sum(e.attendance_disabled), 0)::int AS disabled`;

export interface StatisticsFigures {
  events: number;
  held_events: number;
  total: number;
  children: number;
  youth: number;
  adults: number;
  disabled: number;
}

/**
 * Events that started in the period, with attendance, grouped by one dimension. An event with
 * several directions (or organisers) counts in each of its groups; the totals count it once.
 */
export async function computeStatistics(db: Db, networkId: number, filter: { from: string; to: string; branch?: number; groupBy: StatisticsGroup }) {
  const branch = filter.branch ?? null;
  const scope = sql`e.network_id = ${networkId} AND e.starts_on BETWEEN ${filter.from}::date AND ${filter.to}::date
    AND (${branch}::bigint IS NULL OR EXISTS (SELECT 1 FROM event_branches fb WHERE fb.event_id = e.id AND fb.branch_id = ${branch}::bigint))`;
  const grouping = {
    direction: sql`SELECT d.id::text AS key, d.name, ${figureColumns}
      FROM events e JOIN event_direction_links l ON l.event_id = e.id JOIN event_directions d ON d.id = l.direction_id
      WHERE ${scope} GROUP BY d.id, d.name ORDER BY events DESC, d.name`,
    form: sql`SELECT f.id::text AS key, f.name, ${figureColumns}
      FROM events e JOIN event_forms f ON f.id = e.form_id
      WHERE ${scope} GROUP BY f.id, f.name ORDER BY events DESC, f.name`,
    audience: sql`SELECT e.audience AS key, NULL::text AS name, ${figureColumns}
      FROM events e WHERE ${scope} GROUP BY e.audience ORDER BY events DESC, e.audience`,
    // With a branch filter, the rows are that branch alone.
    branch: sql`SELECT b.id::text AS key, b.name, ${figureColumns}
      FROM events e JOIN event_branches eb ON eb.event_id = e.id JOIN branches b ON b.id = eb.branch_id
      WHERE ${scope} AND (${branch}::bigint IS NULL OR b.id = ${branch}::bigint)
      GROUP BY b.id, b.name, b.type ORDER BY CASE b.type WHEN 'central' THEN 0 WHEN 'children' THEN 1 ELSE 2 END, b.name`,
  }[filter.groupBy];
  const [rows, totals] = await Promise.all([
    sql<StatisticsFigures & { key: string; name: string | null }>`${grouping}`.execute(db),
    sql<StatisticsFigures>`SELECT ${figureColumns} FROM events e WHERE ${scope}`.execute(db),
  ]);
  return { rows: rows.rows, totals: totals.rows[0]! };
}
