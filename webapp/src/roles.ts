/**
 * The single table of who may use what in the back-office.
 * Used by the menu, the resource registration (App.tsx) and authProvider.canAccess.
 */
export const ROLES = ['ADMIN', 'EDITOR', 'OPS', 'LEADERSHIP'] as const;
export type Role = (typeof ROLES)[number];

export interface FeatureAccess {
  /** react-admin resource name (also the route: /<resource>). */
  resource: string;
  /** Label in the menu and page titles. */
  label: string;
  /** Roles that may see (read) the feature. */
  read: readonly Role[];
  /** Roles that may create/edit/delete. */
  write: readonly Role[];
  /** Further resources of the feature (same access, reached from its screens, no menu entry of their own). */
  subResources?: readonly string[];
}

export const FEATURES: readonly FeatureAccess[] = [
  { resource: 'guides', label: 'Guides', read: ['EDITOR', 'ADMIN', 'OPS', 'LEADERSHIP'], write: ['EDITOR', 'ADMIN'] },
  { resource: 'hospitals', label: 'Hospitals', read: ['EDITOR', 'ADMIN', 'OPS', 'LEADERSHIP'], write: ['EDITOR', 'ADMIN'] },
  { resource: 'waitlist', label: 'Waitlist', read: ['OPS', 'ADMIN'], write: ['OPS', 'ADMIN'], subResources: ['waitlist-possible-duplicates'] },
  { resource: 'windows', label: 'Windows', read: ['OPS', 'ADMIN'], write: ['OPS', 'ADMIN'] },
  { resource: 'invitations', label: 'Invitations', read: ['OPS', 'ADMIN'], write: ['OPS', 'ADMIN'] },
  { resource: 'outbox', label: 'Mail outbox', read: ['OPS', 'ADMIN'], write: [] },
  { resource: 'suppressions', label: 'Suppressions', read: ['OPS', 'ADMIN'], write: ['OPS', 'ADMIN'] },
  { resource: 'jobs', label: 'Jobs', read: ['OPS', 'ADMIN'], write: ['OPS', 'ADMIN'], subResources: ['executions'] },
  { resource: 'reports', label: 'Reports', read: ['LEADERSHIP', 'OPS', 'ADMIN'], write: ['LEADERSHIP', 'OPS', 'ADMIN'] },
  { resource: 'users', label: 'Users', read: ['ADMIN'], write: ['ADMIN'] },
  { resource: 'audit', label: 'Audit log', read: ['ADMIN'], write: [] },
];

/** Roles that see the leadership dashboard on the home page (it is aggregates only). */
export const DASHBOARD_ROLES: readonly Role[] = ['LEADERSHIP', 'OPS', 'ADMIN'];

const READ_ACTIONS = new Set(['list', 'show', 'export']);

export function featureOf(resource: string | undefined): FeatureAccess | undefined {
  return FEATURES.find((f) => f.resource === resource || (!!resource && !!f.subResources?.includes(resource)));
}

function hasAny(roles: readonly string[] | undefined, allowed: readonly Role[]): boolean {
  if (!roles) return false;
  return roles.includes('ADMIN') || roles.some((r) => (allowed as readonly string[]).includes(r));
}

/** May a user with these roles see this resource at all? */
export function canRead(roles: readonly string[] | undefined, resource: string): boolean {
  const f = featureOf(resource);
  return !!f && hasAny(roles, f.read);
}

/** May a user with these roles create/edit/delete in this resource? */
export function canWrite(roles: readonly string[] | undefined, resource: string): boolean {
  const f = featureOf(resource);
  return !!f && hasAny(roles, f.write);
}

/** react-admin style access check: action is list/show/export (read) or create/edit/delete/... (write). */
export function canDo(roles: readonly string[] | undefined, resource: string, action: string): boolean {
  if (READ_ACTIONS.has(action)) return canRead(roles, resource);
  return canWrite(roles, resource);
}

/** May a user with these roles see the dashboard (the API refuses the others)? */
export function canSeeDashboard(roles: readonly string[] | undefined): boolean {
  return hasAny(roles, DASHBOARD_ROLES);
}

/** Features visible to these roles, in menu order. */
export function visibleFeatures(roles: readonly string[] | undefined): FeatureAccess[] {
  return FEATURES.filter((f) => canRead(roles, f.resource));
}
