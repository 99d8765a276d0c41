// Where each role lands after signing in ("/"): its day's work, not the first menu entry.
//   AccountManager → My day; ServiceAgent and QualityManager → the complaint queue; Director → the portfolio dashboard;
//   Marketing → surveys; Admin → users.
// A role the table does not know, or a page the role's permissions do not open, falls back to the first page its
// permissions allow; null when there is none (the "no pages yet" message).

type Role = 'Admin' | 'Director' | 'AccountManager' | 'ServiceAgent' | 'QualityManager' | 'Marketing';

/** Each role's home and the permission that page needs (a role's grants may change on the server). */
const HOME: Record<Role, { path: string; permission: string }> = {
  AccountManager: { path: '/today', permission: 'reminders:read' },
  ServiceAgent: { path: '/complaints', permission: 'complaints:read' },
  QualityManager: { path: '/complaints', permission: 'complaints:read' },
  Director: { path: '/portfolio', permission: 'accounts:read' },
  Marketing: { path: '/surveys', permission: 'surveys:read' },
  Admin: { path: '/users', permission: 'users:manage' },
};

/** The home page of a user of `role` with `permissions`; `fallback` is the first page the permissions allow. */
export function homePathFor(role: string | null | undefined, permissions: readonly string[], fallback?: string | null): string | null {
  const home = role && Object.prototype.hasOwnProperty.call(HOME, role) ? HOME[role as Role] : undefined;
  if (home && permissions.includes(home.permission)) return home.path;
  return fallback ?? null;
}
