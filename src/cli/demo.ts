import type { Command } from 'commander';
import type { ConfigFlags } from '../server/config.js';
import { findNetworkByCode } from '../modules/network/index.js';
import { addDatabaseOptions, withDatabase } from './database.js';
import { CliError } from './errors.js';
import { adminPasswordFromEnv, ensureAdministrator, formatAdministrator } from './first-start.js';

export function registerDemo(program: Command): void {
  addDatabaseOptions(program.command('demo'))
    .description('загрузить демонстрационную сеть (если в базе нет ни одной учётной записи — создать и администратора)')
    .action(async (flags: ConfigFlags) => {
      const adminPassword = adminPasswordFromEnv();
      await withDatabase(flags, { migrate: true }, async ({ db }) => {
        const { DEMO_NETWORK_CODE, loadDemoNetwork } = await import('../demo/index.js');
        if (await findNetworkByCode(db, DEMO_NETWORK_CODE)) {
          throw new CliError(`Демонстрационная сеть уже загружена (код ${DEMO_NETWORK_CODE})`);
        }
        const demo = await loadDemoNetwork(db);
        console.log(`Загружена демонстрационная сеть (код ${demo.networkCode})`);
        const admin = await ensureAdministrator(db, adminPassword);
        if (admin) console.log(formatAdministrator(admin));
        else console.log(`Учётные записи для неё создайте командой: biblioset user add --network ${demo.networkCode} …`);
      });
    });
}
