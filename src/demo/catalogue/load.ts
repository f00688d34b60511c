import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../modules/auth/index.js';
import { recordFromForm, saveBibRecords } from '../../modules/catalogue/index.js';
import { demoCatalogue } from './catalogue.js';

/** Records per saveBibRecords call: one audit entry each, a few statements each. */
export const DEMO_CATALOGUE_BATCH_SIZE = 500;

/** The organisation code written into the records as their cataloguing agency (RUSMARC 801 $b). */
export const DEMO_CATALOGUE_AGENCY = 'kargasok';

/**
 * Stores the demo catalogue as the network's own RUSMARC records, built from cataloguing forms as a
 * librarian's would be, in batches inside the caller's transaction (the demo loads all or nothing).
 * Each record carries a control number, so editions with the same title, author and year stay apart.
 */
export async function loadDemoCatalogue(options: { trx: Kysely<DB>; actor: Actor; now?: Date }): Promise<{ imported: number }> {
  const { trx, actor } = options;
  const now = options.now ?? new Date();
  const records = demoCatalogue();
  let imported = 0;
  for (let start = 0; start < records.length; start += DEMO_CATALOGUE_BATCH_SIZE) {
    const batch = records.slice(start, start + DEMO_CATALOGUE_BATCH_SIZE).map(({ form, controlNumber }) => ({
      record: recordFromForm(form, 'rusmarc', { controlNumber, agency: DEMO_CATALOGUE_AGENCY, now }),
      schema: 'rusmarc' as const,
    }));
    imported += (await saveBibRecords({ trx, actor, records: batch, onMatch: 'skip' })).imported;
  }
  return { imported };
}
