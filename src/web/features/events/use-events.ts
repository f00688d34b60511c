import type { Options } from '../../components/fields.js';
import type { CampaignView, EventDictionaries, EventDirectionView, EventFormView, Paged, PartnerView } from '../../lib/contract.js';
import { useApi } from '../../lib/use-api.js';

/** The most the API lists at once: every partner or campaign of a district network. */
const ALL = { pageSize: 500 };

export function useEventDictionaries(): EventDictionaries | undefined {
  return useApi<EventDictionaries>('/event-dictionaries').data;
}

/** Entries in use, plus the ones an existing event already has (retired entries stay on old events). */
export function dictionaryOptions(entries: (EventFormView | EventDirectionView)[], kept: number[] = []): Options {
  return entries.filter((entry) => entry.isActive || kept.includes(entry.id)).map((entry) => [String(entry.id), entry.name] as const);
}

export function useAllPartners(): PartnerView[] | undefined {
  return useApi<Paged<PartnerView>>('/partners', ALL).data?.items;
}

/** The campaigns and projects of a year (all of them when no year is given). */
export function useCampaigns(year: number | undefined): CampaignView[] | undefined {
  return useApi<Paged<CampaignView>>('/campaigns', { ...ALL, year }).data?.items;
}

export const referenceOptions = (items: { id: number; name: string }[]): Options => items.map((item) => [String(item.id), item.name] as const);

/** The year of today, the default of the pages that show one year. */
export const currentYear = () => new Date().getFullYear();
