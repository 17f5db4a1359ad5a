import { ROLES } from '../roles';

const LABELS: Record<string, string> = {
  ADMIN: 'Admin',
  EDITOR: 'Editor',
  OPS: 'Ops',
  LEADERSHIP: 'Leadership',
};

export const ROLE_CHOICES = ROLES.map((r) => ({ id: r, name: LABELS[r] ?? r }));
