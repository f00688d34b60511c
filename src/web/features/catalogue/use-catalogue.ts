import type { CataloguingOptions } from '../../lib/contract.js';
import { useApi } from '../../lib/use-api.js';

/** The cataloguing form's choice lists (document types, roles, languages, age labels), in Russian. */
export function useCataloguingOptions(): CataloguingOptions | undefined {
  return useApi<CataloguingOptions>('/catalogue/cataloguing/options').data;
}

/** The label of a value in a choice list, or the value itself. */
export const labelOf = (options: { value: string; label: string }[] | undefined, value: string) =>
  options?.find((option) => option.value === value)?.label ?? value;
