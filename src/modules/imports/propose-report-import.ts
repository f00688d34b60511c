import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { assertCanCompileNetworkRecords, type Actor } from '../auth/index.js';
import { listBranches } from '../network/index.js';
import { listStaffMembers } from '../staff/index.js';
import type { ReportTextInput, ReportTextProposals } from './imports.schemas.js';
import { parseReportText } from './report-text/parse-report-text.js';

/** Every branch and person of a network, however many (a district has tens, a region's library a few thousand). */
const ALL = { page: 1, pageSize: 100_000 };

/**
 * Reads a pasted annual report and proposes records for review. Writes nothing: the proposals
 * come back reviewed to confirmReportImport. Names are matched against all branches and staff,
 * closed and dismissed ones too: a report speaks of the year it covers.
 */
export async function proposeReportImport(options: { db: Kysely<DB>; actor: Actor; input: ReportTextInput }): Promise<ReportTextProposals> {
  const { db, actor, input } = options;
  assertCanCompileNetworkRecords(actor);
  const { rows: branches } = await listBranches(db, actor.networkId, ALL);
  const { rows: staff } = await listStaffMembers(db, actor.networkId, ALL);
  const parsed = parseReportText(input.text, {
    branches: branches.map((b) => ({ id: b.id, name: b.name, type: b.type, isPublicAccessCentre: b.is_public_access_centre })),
    staff: staff.map((s) => ({ id: s.id, lastName: s.last_name, firstName: s.first_name, middleName: s.middle_name, branchId: s.branch_id })),
  });
  return { ...parsed, year: input.year ?? parsed.year };
}
