import { http } from '../http';

export interface Allocation {
  id: number;
  entryId: number;
  windowId: number;
  status: string;
  allocatedAt: string;
  allocatedBy: string;
  holdExpiresAt?: string;
  answeredAt?: string;
  releasedAt?: string;
  releasedBy?: string;
  reason?: string;
  releaseReason?: string;
  fullName?: string;
  email?: string;
  preferredLanguage?: string;
  personTimeZone?: string;
  windowStartsAt?: string;
}

export interface ConsultationWindow {
  id: number;
  version: number;
  seriesId?: number;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  specialty: string;
  languages: string[];
  interpreterAvailable: boolean;
  capacity: number;
  seatsTaken: number;
  seatsFree: number;
  hospitalId?: number;
  coordinator?: string;
  status: 'DRAFT' | 'OPEN' | 'CLOSED';
  allocations?: Allocation[];
}

export interface SeriesRequest {
  startDate: string;
  weeks: number;
  daysOfWeek: string[];
  startTime: string;
  endTime: string;
  timeZone: string;
  specialty: string;
  languages: string[];
  interpreterAvailable: boolean;
  capacity: number;
  coordinator?: string;
  status: string;
}

export interface Series {
  id: number;
  description: string;
  windowCount: number;
}

export interface Execution {
  executionId: number;
  status: string;
  exitDescription?: string;
}

export interface Run {
  jobExecutionId: number;
  dryRun: boolean;
  runAt: string;
  allocated: number;
  unallocated: number;
  reasons?: { reason: string; entries: number }[];
}

export interface Outcome {
  queuePosition: number;
  entryId: number;
  fullName?: string;
  preferredLanguage?: string;
  personTimeZone?: string;
  specialties: string[];
  windowId?: number;
  windowStartsAt?: string;
  windowStartsAtForPerson?: string;
  windowSpecialty?: string;
  reason?: string;
}

export const REASONS: Record<string, string> = {
  NO_WINDOW_FOR_SPECIALTY: 'No open window for the specialty',
  NO_WINDOW_FOR_LANGUAGE: 'No window in the language (and no interpreter)',
  NO_WINDOW_WITH_ENOUGH_NOTICE: 'Fitting windows all start within the minimum notice',
  NO_REASONABLE_HOUR: 'No window between 08:00 and 21:00 in their time zone',
  ALL_FULL: 'All fitting windows are full',
  ALREADY_OFFERED: 'Only windows offered to them before have seats',
};

/** The wall-clock time of an ISO instant with offset, as written (the window's own zone). */
export function localTime(iso?: string): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}

export const createSeries = async (request: SeriesRequest) =>
  (await http<Series>('/api/windows/series', { method: 'POST', body: request })).json;

export const changeStatus = async (id: number, action: 'open' | 'close') =>
  (await http<ConsultationWindow>(`/api/windows/${id}/${action}`, { method: 'POST', body: {} })).json;

export const allocate = async (windowId: number, entryId: number, reason: string) =>
  (await http<Allocation>(`/api/windows/${windowId}/allocations`, { method: 'POST', body: { entryId, reason } })).json;

export const release = async (allocationId: number, reason: string) =>
  (await http<Allocation>(`/api/allocations/${allocationId}/release`, { method: 'POST', body: { reason } })).json;

export const launchDryRun = async () =>
  (await http<{ executionId: number }>('/api/jobs/windowAllocationJob/executions', {
    method: 'POST',
    body: { parameters: { dryRun: 'true' } },
  })).json.executionId;

const RUNNING = new Set(['STARTING', 'STARTED', 'STOPPING']);

/** Polls the jobs API until the execution has ended. */
export async function waitForExecution(executionId: number, intervalMs = 1000): Promise<Execution> {
  for (;;) {
    const execution = (await http<Execution>(`/api/jobs/executions/${executionId}`)).json;
    if (!RUNNING.has(execution.status)) return execution;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const fetchRun = async (executionId: number) => (await http<Run>(`/api/allocation-runs/${executionId}`)).json;

export const fetchOutcomes = async (executionId: number, size = 200) =>
  (await http<Outcome[]>(`/api/allocation-runs/${executionId}/outcomes?size=${size}`)).json;
