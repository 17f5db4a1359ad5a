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
  /** true while the feature's screens have not landed yet: a placeholder page is shown. */
  planned: boolean;
}

export const FEATURES: readonly FeatureAccess[] = [
  { resource: 'guides', label: 'Guides', read: ['EDITOR', 'ADMIN', 'OPS', 'LEADERSHIP'], write: ['EDITOR', 'ADMIN'], planned: true },
  { resource: 'hospitals', label: 'Hospitals', read: ['EDITOR', 'ADMIN', 'OPS', 'LEADERSHIP'], write: ['EDITOR', 'ADMIN'], planned: true },
  { resource: 'waitlist', label: 'Waitlist', read: ['OPS', 'ADMIN'], write: ['OPS', 'ADMIN'], planned: false },
  { resource: 'windows', label: 'Windows', read: ['OPS', 'ADMIN'], write: ['OPS', 'ADMIN'], planned: false },
  { resource: 'invitations', label: 'Invitations', read: ['OPS', 'ADMIN'], write: ['OPS', 'ADMIN'], planned: true },
  { resource: 'jobs', label: 'Jobs', read: ['OPS', 'ADMIN'], write: ['OPS', 'ADMIN'], planned: true },
  { resource: 'reports', label: 'Reports', read: ['LEADERSHIP', 'OPS', 'ADMIN'], write: ['LEADERSHIP', 'OPS', 'ADMIN'], planned: true },
  { resource: 'users', label: 'Users', read: ['ADMIN'], write: ['ADMIN'], planned: false },
];

const READ_ACTIONS = new Set(['list', 'show', 'export']);

/** Resources without a menu entry of their own, shown inside a feature (same access rules). */
export const SUB_RESOURCES: Record<string, string> = {
  'waitlist-possible-duplicates': 'waitlist',
};

export function featureOf(resource: string | undefined): FeatureAccess | undefined {
  const name = resource && SUB_RESOURCES[resource] ? SUB_RESOURCES[resource] : resource;
  return FEATURES.find((f) => f.resource === name);
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

/** Features visible to these roles, in menu order. */
export function visibleFeatures(roles: readonly string[] | undefined): FeatureAccess[] {
  return FEATURES.filter((f) => canRead(roles, f.resource));
}
