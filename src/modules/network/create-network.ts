import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { conflict } from '../../server/problem.js';
import { findNetworkByCode, insertNetwork } from './network.queries.js';

/** Registers a library network (tenant) in this deployment. */
export async function createNetwork(options: { trx: Kysely<DB>; input: { code: string; name: string; fullName: string } }) {
  const { trx, input } = options;
  if (await findNetworkByCode(trx, input.code)) throw conflict('code', `сеть с кодом «${input.code}» уже есть`);
  const id = await insertNetwork(trx, { code: input.code, name: input.name, full_name: input.fullName });
  return { id, ...input };
}
