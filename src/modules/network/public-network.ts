import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { findNetworkByCode, listNetworks } from './network.queries.js';

/**
 * The network whose catalogue the public site (the public catalogue at `/` and SRU) serves: the one
 * named by the configuration (BIBLIOSET_PUBLIC_NETWORK, a network code), else the first created.
 * A deployment may hold several networks; the public site shows one. Undefined when there is none yet
 * (or the configured code names none — the caller answers 404/503 rather than showing another's catalogue).
 */
export async function resolvePublicNetwork(db: Kysely<DB>, code: string | undefined): Promise<{ id: number; code: string; name: string } | undefined> {
  const network = code === undefined ? (await listNetworks(db))[0] : await findNetworkByCode(db, code);
  return network && { id: network.id, code: network.code, name: network.name };
}
