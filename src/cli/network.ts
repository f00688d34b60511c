import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { findNetworkByCode, listNetworks } from '../modules/network/index.js';
import { CliError } from './errors.js';

/** The network a command works on: the one named by --network, or the only one in the database. */
export async function resolveNetwork(db: Kysely<DB>, code: string | undefined) {
  if (code !== undefined) {
    const network = await findNetworkByCode(db, code);
    if (!network) throw new CliError(`Нет сети с кодом «${code}»`);
    return network;
  }
  const networks = await listNetworks(db);
  if (networks.length === 0)
    throw new CliError('В базе нет ни одной сети: сначала выполните «biblioset demo» или запустите «biblioset serve»');
  if (networks.length > 1) {
    throw new CliError(`В базе несколько сетей (${networks.map((n) => n.code).join(', ')}): укажите нужную, --network КОД`);
  }
  return networks[0]!;
}
