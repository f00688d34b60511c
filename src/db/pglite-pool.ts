import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

const COMMANDS: Record<string, Command> = {
  insert: 'INSERT',
  update: 'UPDATE',
  delete: 'DELETE',
  merge: 'MERGE',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
};

/** PGlite does not report the command tag; Kysely needs it to count affected rows. */
function commandOf(sql: string): Command {
  const firstWord = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? '';
  return COMMANDS[firstWord] ?? 'SELECT';
}

/**
 * Presents one PGlite instance as a pool of one connection, so that Kysely's own
 * PostgreSQL dialect drives both engines with the same SQL. PGlite has a single
 * session: a transaction must own it until it ends, so `connect()` waits until the
 * previous holder releases it.
 */
export class PGlitePool implements PostgresPool {
  readonly options = {};
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queue;
    this.queue = previous.then(() => released);
    await previous;
    const pglite = this.pglite;
    return {
      async query(sql: string, parameters?: readonly unknown[]) {
        // A migration is several statements in one text: only the simple protocol (exec) takes that.
        const result = parameters?.length
          ? await pglite.query(sql, parameters as unknown[])
          : ((await pglite.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 });
        return { command: commandOf(sql), rowCount: result.affectedRows ?? 0, rows: result.rows };
      },
      release: () => release(),
    } as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.queue;
    await this.pglite.close();
  }
}
