/**
 * Cultural and educational events (мероприятия) with their attendance; the configurable forms and
 * directions that classify them; partners; campaigns and projects; the branches' annual plans.
 */
export { eventsRoutes } from './events.routes.js';
export { createEvents } from './create-events.js';
export { ensureDefaultEventDictionaries, type EventDirectionCode, type EventFormCode } from './ensure-default-event-dictionaries.js';
export { createPartner } from './partners.js';
export { createCampaign } from './campaigns.js';
export { findCampaignIdByName } from './events.queries.js';
export { recordParticipation } from './campaign-participations.js';
export { setEventPlan } from './set-event-plan.js';
export type {
  CreateCampaignInput, CreateEventInput, CreatePartnerInput, EventPlanInput, ParticipationInput,
} from './events.schemas.js';
