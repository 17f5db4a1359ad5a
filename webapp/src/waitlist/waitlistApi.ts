import { saveBlob } from '../download';
import { http } from '../http';

export interface StepCounts {
  name: string;
  status: string;
  readCount: number;
  writeCount: number;
  exitDescription?: string;
}

export interface DedupeRun {
  executionId: number;
  status: string;
  exitDescription?: string;
  steps: StepCounts[];
}

export type Decision = 'SAME' | 'DISTINCT';

/** Runs waitlistDedupeJob now and answers its counts. */
export async function runDedupe(): Promise<DedupeRun> {
  return (await http<DedupeRun>('/api/waitlist/dedupe-runs', { method: 'POST' })).json;
}

/** Undoes a merge; answers the id of the entry the sign-up now stands alone in. */
export async function undoMerge(mergeId: number): Promise<number> {
  return (await http<{ id: number }>(`/api/waitlist/merges/${mergeId}/undo`, { method: 'POST' })).json.id;
}

export async function resolvePossibleDuplicate(id: number, decision: Decision): Promise<void> {
  await http(`/api/waitlist/possible-duplicates/${id}/resolve`, { method: 'POST', body: { decision } });
}

export async function eraseEntry(id: number): Promise<void> {
  await http(`/api/waitlist/${id}/erase`, { method: 'POST' });
}

/** Downloads everything held about one person as a JSON file. */
export async function exportEntry(id: number): Promise<void> {
  const { json } = await http<unknown>(`/api/waitlist/${id}/export`);
  saveBlob(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }), `waitlist-person-${id}.json`);
}

/** "12 sign-ups read, 3 merged, 9 new people": the first step's exit description, as the job wrote it. */
export function describeRun(run: DedupeRun): string {
  return run.steps.map((s) => s.exitDescription).filter(Boolean).join('; ') || run.status;
}
