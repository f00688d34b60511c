import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { deleteSession, findSessionActor, insertSession } from './auth.queries.js';
import type { Actor } from './policy.js';

export const SESSION_COOKIE = 'biblioset_session';
export const SESSION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session and returns the token for the cookie; the database keeps only its hash. */
export async function startSession(db: Kysely<DB>, networkId: number, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertSession(db, {
    token_hash: hashToken(token),
    network_id: networkId,
    user_id: userId,
    expires_at: new Date(Date.now() + SESSION_LIFETIME_MS),
  });
  return token;
}

export const actorOfSession = (db: Kysely<DB>, token: string): Promise<Actor | undefined> =>
  findSessionActor(db, hashToken(token));

export const endSession = (db: Kysely<DB>, token: string) => deleteSession(db, hashToken(token));
