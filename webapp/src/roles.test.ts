import { describe, expect, it } from 'vitest';
import { canDo, canRead, canSeeDashboard, visibleFeatures } from './roles';

const labels = (roles: string[]) => visibleFeatures(roles).map((f) => f.label);

describe('role table', () => {
  it('gives ADMIN everything', () => {
    expect(labels(['ADMIN'])).toEqual([
      'Guides', 'Hospitals', 'Waitlist', 'Windows', 'Invitations', 'Mail outbox', 'Suppressions', 'Jobs', 'Reports', 'Users', 'Audit log',
    ]);
  });
  it('gives EDITOR guides and hospitals', () => {
    expect(labels(['EDITOR'])).toEqual(['Guides', 'Hospitals']);
  });
  it('gives OPS everything but users and the audit log', () => {
    expect(labels(['OPS'])).toEqual(['Guides', 'Hospitals', 'Waitlist', 'Windows', 'Invitations', 'Mail outbox', 'Suppressions', 'Jobs', 'Reports']);
  });
  it('lets OPS read the outbox, manage suppressions, and only ADMIN read the audit log', () => {
    expect(canDo(['OPS'], 'outbox', 'list')).toBe(true);
    expect(canDo(['OPS'], 'outbox', 'create')).toBe(false);
    expect(canDo(['OPS'], 'suppressions', 'create')).toBe(true);
    expect(canDo(['OPS'], 'suppressions', 'delete')).toBe(true);
    expect(canDo(['OPS', 'EDITOR', 'LEADERSHIP'], 'audit', 'list')).toBe(false);
    expect(canDo(['ADMIN'], 'audit', 'list')).toBe(true);
  });
  it('gives LEADERSHIP read access to guides and hospitals plus reports', () => {
    expect(labels(['LEADERSHIP'])).toEqual(['Guides', 'Hospitals', 'Reports']);
    expect(canDo(['LEADERSHIP'], 'guides', 'list')).toBe(true);
    expect(canDo(['LEADERSHIP'], 'guides', 'edit')).toBe(false);
    expect(canDo(['EDITOR'], 'guides', 'create')).toBe(true);
  });
  it('combines roles and refuses nobody-roles', () => {
    expect(labels(['EDITOR', 'LEADERSHIP'])).toEqual(['Guides', 'Hospitals', 'Reports']);
    expect(labels([])).toEqual([]);
    expect(canRead(undefined, 'guides')).toBe(false);
    expect(canRead(['ADMIN'], 'unknown')).toBe(false);
  });
  it('gives the executions of batch jobs the access of Jobs, without a menu entry of their own', () => {
    expect(canDo(['OPS'], 'executions', 'show')).toBe(true);
    expect(canDo(['ADMIN'], 'executions', 'list')).toBe(true);
    expect(canDo(['EDITOR', 'LEADERSHIP'], 'executions', 'list')).toBe(false);
    expect(labels(['OPS'])).not.toContain('executions');
  });
  it('shows the dashboard to leadership, ops and admins, not to editors', () => {
    expect(canSeeDashboard(['LEADERSHIP'])).toBe(true);
    expect(canSeeDashboard(['OPS'])).toBe(true);
    expect(canSeeDashboard(['ADMIN'])).toBe(true);
    expect(canSeeDashboard(['EDITOR'])).toBe(false);
    expect(canSeeDashboard(undefined)).toBe(false);
  });
  it('lets every role that reads reports request one', () => {
    expect(canDo(['LEADERSHIP'], 'reports', 'create')).toBe(true);
    expect(canDo(['EDITOR'], 'reports', 'list')).toBe(false);
  });
});
