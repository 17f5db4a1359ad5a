import type { ExecutionView, JobSummary, StepView } from './jobsApi';

/** Executions and catalogue entries as the jobs API sends them (no `id`: the data provider adds it). */
export function execution(overrides: Partial<ExecutionView> = {}): Omit<ExecutionView, 'id'> {
  return {
    executionId: 5,
    jobInstanceId: 3,
    jobName: 'nightlyInvitationJob',
    status: 'COMPLETED',
    exitCode: 'COMPLETED',
    exitDescription: '',
    createTime: '2026-11-24T02:00:00+08:00',
    startTime: '2026-11-24T02:00:01+08:00',
    endTime: '2026-11-24T02:04:06+08:00',
    durationMillis: 245_000,
    parameters: { dryRun: 'true', launchedBy: 'ops-anna' },
    launchedBy: 'ops-anna',
    recoveredAt: null,
    progress: { done: 30, total: 30, percent: 100 },
    steps: [step()],
    ...overrides,
  };
}

export function step(overrides: Partial<StepView> = {}): StepView {
  return {
    stepExecutionId: 11,
    name: 'invitationStep',
    status: 'COMPLETED',
    readCount: 30,
    writeCount: 28,
    skipCount: 2,
    filterCount: 1,
    commitCount: 6,
    rollbackCount: 0,
    exitCode: 'COMPLETED',
    exitMessage: '',
    startTime: '2026-11-24T02:00:01+08:00',
    endTime: '2026-11-24T02:04:06+08:00',
    durationMillis: 245_000,
    total: 30,
    ...overrides,
  };
}

export function job(overrides: Partial<JobSummary> = {}): Omit<JobSummary, 'id'> {
  return {
    name: 'nightlyInvitationJob',
    schedule: { cron: '0 0 2 * * *', zone: 'Asia/Shanghai', paused: false, enabled: true },
    nextRun: '2026-11-25T02:00:00+08:00',
    lastExecution: execution({ executionId: 7, steps: [] }) as ExecutionView,
    dryRunSupported: true,
    parameters: [],
    ...overrides,
  };
}
