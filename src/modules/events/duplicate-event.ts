import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import type { Actor } from '../auth/index.js';
import { createEvents } from './create-events.js';
import { draftOfView } from './event-draft.js';
import { findEvent } from './events.queries.js';
import type { DuplicateEventInput } from './events.schemas.js';
import { presentEvent } from './present.js';

const DAY = 24 * 60 * 60 * 1000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

/** The last day of a copy starting on `startsOn`: as many days after its start as the original's. */
export function shiftedEnd(original: { startsOn: string; endsOn: string | null }, startsOn: string): string | null {
  if (original.endsOn === null) return null;
  const length = dayNumber(original.endsOn) - dayNumber(original.startsOn);
  return new Date((dayNumber(startsOn) + length) * DAY).toISOString().slice(0, 10);
}

/**
 * Copies an event to other dates (a club that meets every month): same title, branches, form,
 * directions, partners; no attendance, since the copies are not held yet.
 */
export async function duplicateEvent(options: { trx: Kysely<DB>; actor: Actor; id: number; input: DuplicateEventInput }) {
  const { trx, actor, id, input } = options;
  const existing = await findEvent(trx, actor.networkId, id);
  if (!existing) throw notFound('Мероприятие');
  const original = draftOfView(presentEvent(existing));
  const dates = [...new Set(input.dates)].sort();
  const inputs = dates.map((startsOn) => ({ ...original, startsOn, endsOn: shiftedEnd(original, startsOn), attendance: null }));
  return createEvents({ trx, actor, inputs, validation: { datesField: 'dates' } });
}
