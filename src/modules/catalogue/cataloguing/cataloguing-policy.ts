import { forbidden } from '../../../server/problem.js';
import { assertCanCompileNetworkRecords, type Actor } from '../../auth/index.js';

/**
 * Who catalogues. Administrators and methodologists (the network's cataloguing department), and
 * branch librarians too: a branch catalogues what it receives, and the catalogue is the network's
 * one shared catalogue, so a record belongs to no branch. Directors read. Deleting a record removes it
 * for every branch, and so does, in effect, replacing a stored record by a whole MARC record (it may cut the
 * record to three fields): only the administrator and the methodologist may. A librarian edits with the form,
 * which touches only the fields it shows.
 */
export function canCatalogue(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'methodologist' || actor.role === 'librarian';
}

export function assertCanCatalogue(actor: Actor): void {
  if (!canCatalogue(actor)) throw forbidden('Создавать и править записи каталога могут администратор, методист и библиотекари');
}

export function assertCanDeleteRecords(actor: Actor): void {
  assertCanCompileNetworkRecords(actor);
}

/** Replacing a stored record by a whole MARC record: the roles that compile the network's records, as for deleting. */
export function canReplaceWholeRecord(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'methodologist';
}

export function assertCanReplaceWholeRecord(actor: Actor): void {
  if (!canReplaceWholeRecord(actor)) {
    throw forbidden('Заменять запись MARC целиком могут администратор и методист; библиотекарь правит запись формой');
  }
}
