import { http } from '../http';

/** Statuses of Spring Batch executions, in the order the filter offers them. */
export const STATUSES = ['STARTING', 'STARTED', 'STOPPING', 'STOPPED', 'FAILED', 'COMPLETED', 'ABANDONED', 'UNKNOWN'] as const;
export type Status = (typeof STATUSES)[number];

export interface StepView {
  stepExecutionId: number;
  name: string;
  status: string;
  readCount: number;
  writeCount: number;
  skipCount: number;
  filterCount: number;
  commitCount: number;
  rollbackCount: number;
  exitCode: string | null;
  exitMessage: string | null;
  startTime: string | null;
  endTime: string | null;
  durationMillis: number | null;
  total: number | null;
}

export interface ExecutionView {
  id: number;
  executionId: number;
  jobInstanceId: number;
  jobName: string;
  status: string;
  exitCode: string | null;
  exitDescription: string | null;
  createTime: string | null;
  startTime: string | null;
  endTime: string | null;
  durationMillis: number | null;
  parameters: Record<string, string>;
  launchedBy: string | null;
  recoveredAt: string | null;
  progress: { done: number; total: number | null; percent: number | null };
  steps: StepView[];
}

export interface JobSummary {
  id: string;
  name: string;
  schedule: { cron: string; zone: string; paused: boolean; enabled: boolean } | null;
  nextRun: string | null;
  lastExecution: ExecutionView | null;
  /** The job honours dryRun; the others only run for real (the server refuses their dry run). */
  dryRunSupported: boolean;
  /** Every parameter the job takes; the server refuses any other. */
  parameters: JobParameter[];
}

/** A parameter as the job declares it; {@code allowed} as of now. */
export interface JobParameter {
  name: string;
  type: string;
  defaultValue: string;
  allowed: string;
  adminOnly: boolean;
  description: string;
}

const RUNNING = new Set(['STARTING', 'STARTED', 'STOPPING']);

export const isRunning = (status: string | undefined): boolean => !!status && RUNNING.has(status);
export const canStop = (status: string | undefined): boolean => isRunning(status);
export const canRestart = (status: string | undefined): boolean => status === 'FAILED' || status === 'STOPPED';
export const canAbandon = (status: string | undefined): boolean =>
  !!status && !isRunning(status) && status !== 'COMPLETED' && status !== 'ABANDONED';

const jobPath = (jobName: string) => `/api/jobs/${encodeURIComponent(jobName)}`;
const executionPath = (id: number | string) => `/api/jobs/executions/${encodeURIComponent(String(id))}`;

/** Starts a run in the background; resolves to the new execution's id. */
export async function launchJob(jobName: string, parameters: Record<string, string>): Promise<number> {
  const { json } = await http<{ executionId: number }>(`${jobPath(jobName)}/executions`, {
    method: 'POST',
    body: { parameters },
  });
  return json.executionId;
}

export async function setSchedulePaused(jobName: string, paused: boolean): Promise<JobSummary> {
  const { json } = await http<JobSummary>(`${jobPath(jobName)}/schedule/${paused ? 'pause' : 'resume'}`, { method: 'POST' });
  return json;
}

export async function stopExecution(id: number | string): Promise<void> {
  await http(`${executionPath(id)}/stop`, { method: 'POST' });
}

/** Resolves to the id of the new execution that continues the work. */
export async function restartExecution(id: number | string): Promise<number> {
  const { json } = await http<{ executionId: number }>(`${executionPath(id)}/restart`, { method: 'POST' });
  return json.executionId;
}

export async function abandonExecution(id: number | string): Promise<void> {
  await http(`${executionPath(id)}/abandon`, { method: 'POST' });
}
