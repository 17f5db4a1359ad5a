import { HttpError } from 'react-admin';
import { http } from '../http';
import type { Guide } from './types';

/** The workflow and revision calls of /api/guides that are not plain CRUD. */
export const guideApi = {
  submit: (g: Guide) => post(`/api/guides/${g.id}/submit`, { version: g.version }),
  publish: (g: Guide) => post(`/api/guides/${g.id}/publish`, { version: g.version }),
  schedule: (g: Guide, publishAt: string | null) => post(`/api/guides/${g.id}/schedule`, { version: g.version, publishAt }),
  archive: (g: Guide) => post(`/api/guides/${g.id}/archive`, { version: g.version }),
  restore: (g: Guide, revision: number) => post(`/api/guides/${g.id}/revisions/${revision}/restore`, { version: g.version }),
  revisions: (id: number) => http<RevisionSummary[]>(`/api/guides/${id}/revisions`).then((r) => r.json ?? []),
  diff: (id: number, from: number, to: number) =>
    http<RevisionDiff>(`/api/guides/${id}/revisions/diff?from=${from}&to=${to}`).then((r) => r.json),
};

export interface RevisionSummary {
  revision: number;
  savedBy: string;
  savedAt: string;
  note?: string;
}

export interface RevisionChange {
  path: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  before?: unknown;
  after?: unknown;
}

export interface RevisionDiff {
  from: number;
  to: number;
  changes: RevisionChange[];
}

async function post(url: string, body: unknown): Promise<Guide> {
  return (await http<Guide>(url, { method: 'POST', body })).json;
}

/** The field problems of a refused request ("disclaimer: a published page needs ..."), for a list. */
export function problemsOf(error: unknown): { field: string; message: string }[] {
  if (!(error instanceof HttpError) && !(error as HttpError)?.body) return [];
  const errors = ((error as HttpError).body?.errors ?? {}) as Record<string, unknown>;
  return Object.entries(errors)
    .filter(([field, message]) => field !== 'root' && typeof message === 'string')
    .map(([field, message]) => ({ field, message: message as string }));
}
