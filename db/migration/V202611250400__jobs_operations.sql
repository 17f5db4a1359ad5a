-- ShedLock: one row per scheduled task, so that with several instances on one database each
-- firing of a schedule runs once.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);

-- Pausing a schedule from the ops console outlives restarts and applies to every instance.
create table job_schedule_state (
    job_name   varchar(100) primary key,
    paused     boolean      not null default false,
    changed_by varchar(64)  not null,
    changed_at timestamptz  not null default now()
);

-- Instances of the application that have run jobs. A live instance holds a session-level
-- advisory lock on its lock_key for as long as its process lives; PostgreSQL drops it the moment
-- the process dies (even by SIGKILL), so "is the owner of this STARTED execution alive?" has an
-- exact answer without heartbeats or time-outs.
create table app_instance (
    id         varchar(64)  primary key,
    lock_key   integer      not null unique,
    host       varchar(255) not null,
    started_at timestamptz  not null default now()
);

-- Which instance launched (and runs) which job execution, and who asked for it.
create table job_execution_launch (
    job_execution_id bigint       primary key references batch_job_execution (job_execution_id),
    instance_id      varchar(64)  not null,
    launched_by      varchar(64)  not null,
    launched_at      timestamptz  not null default now(),
    -- set when the executing thread has really left the job; Spring Batch may already report
    -- STOPPED while the thread finishes its chunk, and a restart must wait for that
    finished_at      timestamptz,
    recovered_at     timestamptz
);
