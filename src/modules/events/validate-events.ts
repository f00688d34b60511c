import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid } from '../../server/problem.js';
import { russianDate } from '../../shared/zod.js';
import { assertCanRecordForBranches, type Actor } from '../auth/index.js';
import { findInactiveBranchDays } from '../network/index.js';
import type { EventDraft } from './event-draft.js';
import { loadEventReferences, type EventReferences } from './events.queries.js';

export interface ValidationOptions {
  /** The field that names the dates in errors about them ('dates' when copying an event). */
  datesField?: string;
  /** The event's present form and directions: deactivated entries may stay on an old event. */
  kept?: { formId: number; directionIds: number[] };
}

const today = () => new Date().toISOString().slice(0, 10);

function assertDictionaryEntries(draft: EventDraft, refs: EventReferences, kept: ValidationOptions['kept']) {
  const form = refs.forms.get(draft.formId);
  if (!form) throw invalid('formId', 'такой формы мероприятия нет в справочнике сети');
  if (!form.is_active && form.id !== kept?.formId) throw invalid('formId', `форма «${form.name}» больше не используется`);
  for (const id of draft.directionIds) {
    const direction = refs.directions.get(id);
    if (!direction) throw invalid('directionIds', 'такого направления нет в справочнике сети');
    if (!direction.is_active && !kept?.directionIds.includes(id)) {
      throw invalid('directionIds', `направление «${direction.name}» больше не используется`);
    }
  }
  if (draft.exhibitionDocuments !== null && !form.counts_documents) {
    throw invalid('exhibitionDocuments', `число документов записывается для книжных выставок, а не для формы «${form.name}»`);
  }
}

function assertLinks(draft: EventDraft, refs: EventReferences) {
  const foreignPartner = draft.partnerIds.find((id) => !refs.partners.has(id));
  if (foreignPartner !== undefined) {
    throw invalid('partnerIds', `партнёра № ${foreignPartner} нет среди партнёров этой сети`);
  }
  if (draft.campaignId !== null) {
    const campaign = refs.campaigns.get(draft.campaignId);
    if (!campaign) throw invalid('campaignId', 'такой акции или проекта нет в этой сети');
    const year = Number(draft.startsOn.slice(0, 4));
    if (campaign.year !== year) {
      throw invalid('campaignId', `«${campaign.name}» проходит в ${campaign.year} году, а мероприятие — в ${year}`);
    }
  }
}

/** Every organising branch existed on the first and the last day of each event: one query for the batch. */
async function assertBranchesExisted(db: Kysely<DB>, networkId: number, drafts: EventDraft[], refs: EventReferences, datesField: string | undefined) {
  const days = drafts.flatMap((draft) => {
    const dates: [string, string][] = [['startsOn', draft.startsOn]];
    if (draft.endsOn && draft.endsOn !== draft.startsOn) dates.push(['endsOn', draft.endsOn]);
    return draft.branchIds.flatMap((branchId) => dates.map(([field, date]) => ({ field, branchId, date })));
  });
  const inactive = new Set((await findInactiveBranchDays(db, networkId, days)).map((day) => `${day.branchId}/${day.date}`));
  const first = days.find((day) => inactive.has(`${day.branchId}/${day.date}`));
  if (first) throw invalid(datesField ?? first.field, `филиал «${refs.branches.get(first.branchId)}» не работал ${russianDate(first.date)}`);
}

/**
 * The rules of an event that need the database, for a batch of events at once: the branches
 * are the network's, the actor may record for them and they existed on the event's dates; the
 * form, directions, partners and campaign are the network's and in use; the attendance of a
 * held event, not of a future one. Throws the first problem, naming its field.
 */
export async function assertValidEvents(db: Kysely<DB>, actor: Actor, drafts: EventDraft[], options: ValidationOptions = {}) {
  const refs = await loadEventReferences(db, actor.networkId, {
    branchIds: drafts.flatMap((draft) => draft.branchIds),
    formIds: drafts.map((draft) => draft.formId),
    directionIds: drafts.flatMap((draft) => draft.directionIds),
    partnerIds: drafts.flatMap((draft) => draft.partnerIds),
    campaignIds: drafts.flatMap((draft) => (draft.campaignId === null ? [] : [draft.campaignId])),
  });
  const now = today();
  for (const draft of drafts) {
    const missingBranch = draft.branchIds.find((id) => !refs.branches.has(id));
    if (missingBranch !== undefined) throw invalid('branchIds', `филиала № ${missingBranch} нет в этой сети`);
    assertCanRecordForBranches(actor, draft.branchIds);
    if (draft.endsOn !== null && draft.endsOn < draft.startsOn) throw invalid('endsOn', 'окончание раньше начала');
    if (draft.attendance !== null && draft.startsOn > now) {
      throw invalid('attendance', 'посещаемость записывается после проведения, а мероприятие ещё не началось');
    }
    assertDictionaryEntries(draft, refs, options.kept);
    assertLinks(draft, refs);
  }
  await assertBranchesExisted(db, actor.networkId, drafts, refs, options.datesField);
}
