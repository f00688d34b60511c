import type { CataloguingOptions } from '../../lib/contract.js';
import { useApi, type Resource } from '../../lib/use-api.js';

/** The cataloguing form's choice lists (document types, roles, languages, age labels), in Russian; or why they did not load. */
export function useCataloguingOptions(): Resource<CataloguingOptions> {
  return useApi<CataloguingOptions>('/catalogue/cataloguing/options');
}

/** The label of a value in a choice list, or the value itself. */
export const labelOf = (options: { value: string; label: string }[] | undefined, value: string) =>
  options?.find((option) => option.value === value)?.label ?? value;
