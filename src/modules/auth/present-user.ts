import type { UserRow } from './auth.queries.js';
import type { UserView } from './auth.schemas.js';

export const presentUser = (row: UserRow): UserView => ({
  id: row.id,
  login: row.login,
  fullName: row.full_name,
  role: row.role,
  isActive: row.is_active,
  branchIds: row.branch_ids,
  createdAt: row.created_at,
});
